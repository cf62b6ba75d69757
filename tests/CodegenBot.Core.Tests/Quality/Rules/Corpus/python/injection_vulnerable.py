# Test data for the rule corpus: deliberately vulnerable code.
import os
import pickle
import subprocess

import yaml
from flask import request


def find_user(cursor, name):
    cursor.execute("SELECT * FROM users WHERE name = '" + name + "'")  # expect: CG5001
    return cursor.fetchone()


def find_by_id(cursor, user_id):
    cursor.execute(f"SELECT * FROM users WHERE id = {user_id}")  # expect: CG5001
    return cursor.fetchone()


def delete_user(cursor, user_id):
    sql = "DELETE FROM users WHERE id = %s" % user_id  # expect: CG5001
    cursor.execute(sql)


def search(cursor, term):
    query = "SELECT id FROM items WHERE title LIKE '{}'".format(term)  # expect: CG5001
    cursor.execute(query)


def report(cursor, table, since):
    sql = (f"SELECT count(*) FROM {table} "  # expect: CG5001
           f"WHERE created > '{since}'")  # expect: CG5001
    cursor.execute(sql)


def ping(host):
    os.system("ping -c 1 " + host)  # expect: CG5002


def archive(folder):
    subprocess.run(f"tar czf out.tgz {folder}", shell=True)  # expect: CG5002


def lookup(domain):
    return subprocess.check_output("nslookup %s" % domain, shell=True)  # expect: CG5002


def disk(path):
    return os.popen(f"du -sh {path}").read()  # expect: CG5002


def calculate():
    expression = request.args.get("expr")
    return eval(expression)  # expect: CG5003


def run_plugin(source):
    exec(source, {"__builtins__": {}})  # expect: CG5003


def load_session(blob):
    return pickle.loads(blob)  # expect: CG5004


def load_config(text):
    return yaml.load(text)  # expect: CG5004


def load_full(stream):
    return yaml.load(stream, Loader=yaml.FullLoader)  # expect: CG5004
