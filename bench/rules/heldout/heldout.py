# Held-out cases, written after the rules were tuned and measured once without changing the rules.
import os
import random
import subprocess

import requests
import yaml
from sqlalchemy import text


def by_email(session, email):
    return session.execute(text(f"SELECT * FROM accounts WHERE email = '{email}'"))  # expect: CG5001


def raw_users(name):
    return User.objects.raw("SELECT * FROM app_user WHERE username = '%s'" % name)  # expect: CG5001


def bulk(cursor, rows):
    cursor.executemany("INSERT INTO t (a, b) VALUES (%s, %s)", rows)


def log_query(logger, took):
    logger.info("SELECT took %s ms", took)


def run(cmd):
    return subprocess.Popen(cmd, shell=True)  # expect: CG5002


def legacy(path):
    os.system("rm -rf " + path)  # expect: CG5002


def load(stream):
    return yaml.load(stream, Loader=yaml.Loader)  # expect: CG5004


def post(url, data):
    return requests.post(url, data=data, verify=False)  # expect: CG5007


def generate_password(length=16):
    chars = "abcdefghijkmnpqrstuvwxyz23456789"
    return "".join(random.choice(chars) for _ in range(length))  # expect: CG5010


def sample_rows(rows):
    return random.sample(rows, 10)


AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"
STRIPE_SECRET = "sk_live_51HxQ2mKp9Wz3Lr8TbVn4Yc7D"  # expect: CG5013
