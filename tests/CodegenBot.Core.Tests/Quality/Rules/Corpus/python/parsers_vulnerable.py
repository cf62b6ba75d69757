# Test data for the rule corpus: deliberately vulnerable code.
import re
import xml.sax

import dill
from lxml import etree


def parse(xml):
    parser = etree.XMLParser(load_dtd=True, no_network=False)  # expect: CG5005
    return etree.fromstring(xml, parser)


def sax_parse(stream, handler):
    parser = xml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_external_ges, True)  # expect: CG5005
    parser.setContentHandler(handler)
    parser.parse(stream)


def restore(blob):
    return dill.loads(blob)  # expect: CG5004


def render(template, context):
    code = compile_template(template)
    exec(code, context)  # expect: CG5003


def clean(lines, patterns):
    out = []
    for line in lines:
        for pattern in patterns:
            line = re.compile(pattern).sub("", line)  # expect: CG4004
        out.append(line)
    return out
