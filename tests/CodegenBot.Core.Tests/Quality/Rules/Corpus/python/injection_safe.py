# Test data for the rule corpus: safe look-alikes.
import ast
import json
import shlex
import subprocess

import yaml

USERS_TABLE = "users"


def find_user(cursor, name):
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
    return cursor.fetchone()


def find_by_id(conn, user_id):
    return conn.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()


def count(cursor):
    # cursor.execute("SELECT * FROM users WHERE id = " + user_id) was the old, unsafe version
    cursor.execute("SELECT count(*) FROM " + USERS_TABLE)
    return cursor.fetchone()


def describe(name):
    return "Select the file from the list: " + name


def message(count):
    return f"Deleted {count} rows from the table"


def ping(host):
    subprocess.run(["ping", "-c", "1", host], check=True)


def uptime():
    return subprocess.check_output("uptime", shell=True)


def archive(folder):
    subprocess.run(["tar", "czf", "out.tgz", folder])


def calculate(text):
    return ast.literal_eval(text)


def evaluate(model):
    model.eval()
    return model


def load_session(blob):
    return json.loads(blob)


def load_config(text):
    return yaml.safe_load(text)


def load_config_loader(text):
    return yaml.load(text, Loader=yaml.SafeLoader)


HELP = "never call eval(input) or os.system('rm ' + path) or pickle.loads(data)"
