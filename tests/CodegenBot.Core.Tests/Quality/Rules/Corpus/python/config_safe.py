# Test data for the rule corpus: safe look-alikes.
import hashlib
import os
import random
import secrets
import ssl

import requests
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from defusedxml import ElementTree

GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]
DB_PASSWORD = os.getenv("DB_PASSWORD", "changeme")
API_KEY = "<your-api-key>"
PASSWORD_FIELD = "password_hash"
TOKEN_TYPE = "bearer"
SECRET_NAME = "prod/app/db"
# GITHUB_TOKEN = "ghp_9zY8xW7vU6tS5rQ4pO3nM2lK1jI0hG9fE8dC"
EXAMPLE_KEY = "AKIAIOSFODNN7EXAMPLE"
password_prompt = "Please enter your password:"


def fetch(url):
    return requests.get(url, verify=True, timeout=10)


def fetch_ca(url):
    return requests.get(url, verify="/etc/ssl/private-ca.pem")


def context():
    return ssl.create_default_context()


def checksum(data):
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def file_checksum(data):
    return hashlib.sha1(data).hexdigest()  # checksum for the cache


def hash_password(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def encrypt(key, data, nonce):
    return AESGCM(key).encrypt(nonce, data, None)


def new_token():
    return secrets.token_urlsafe(32)


def shuffle_cards(cards):
    random.shuffle(cards)
    return cards


def jitter():
    return random.random() * 0.1


def parse(xml):
    return ElementTree.fromstring(xml)


NOTE = "verify=False and hashlib.md5(password) are unsafe"
