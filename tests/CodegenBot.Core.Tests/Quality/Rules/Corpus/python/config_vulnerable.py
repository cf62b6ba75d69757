# Test data for the rule corpus: deliberately vulnerable code.
import hashlib
import random
import ssl
import string

import requests
from Crypto.Cipher import AES, DES
from lxml import etree

GITHUB_TOKEN = "ghp_9zY8xW7vU6tS5rQ4pO3nM2lK1jI0hG9fE8dC"  # expect: CG5013
SLACK_HOOK_TOKEN = "xoxb-2048-5820417396-Zq8TnR2vLw5KcY7pXj3MbH9d"  # expect: CG5013
DB_PASSWORD = "q8W!zP3r#Lm7Tx2v"  # expect: CG5013
SETTINGS = {"api_key": "k3J9sd8f7G6h5j4K2l1ZxCv"}  # expect: CG5013


def connect(host):
    return psycopg2.connect(host=host, password="Pg7$kd92LmQz!x")  # expect: CG5013


def fetch(url):
    return requests.get(url, verify=False)  # expect: CG5007


def context():
    return ssl._create_unverified_context()  # expect: CG5007


def client_context():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: CG5007
    ctx.verify_mode = ssl.CERT_NONE  # expect: CG5007
    return ctx


def hash_password(password):
    return hashlib.md5(password.encode()).hexdigest()  # expect: CG5008


def sign(data):
    return hashlib.sha1(data).digest()  # expect: CG5008


def encrypt(key, data):
    return DES.new(key, DES.MODE_ECB).encrypt(data)  # expect: CG5009


def encrypt_aes(key, data):
    return AES.new(key, AES.MODE_ECB).encrypt(data)  # expect: CG5009


def new_token():
    return "".join(random.choice(string.ascii_letters) for _ in range(32))  # expect: CG5010


def reset_code():
    return random.randint(100000, 999999)  # expect: CG5010


def parse(xml):
    parser = etree.XMLParser(resolve_entities=True)  # expect: CG5005
    return etree.fromstring(xml, parser)
