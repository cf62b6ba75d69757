# Test data for the rule corpus: safe look-alikes.
import json
import re

from defusedxml import ElementTree
from lxml import etree

PATTERNS = [re.compile(p) for p in (r"\s+", r"#.*")]


def parse(xml):
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(xml, parser)


def parse_defused(xml):
    return ElementTree.fromstring(xml)


def restore(blob):
    return json.loads(blob)


def clean(lines):
    out = []
    for line in lines:
        for pattern in PATTERNS:
            line = pattern.sub("", line)
        out.append(line)
    return out


def evaluate(df):
    return df.eval("a + b")
