# Test data for the rule corpus: safe look-alikes.
import os

import requests
from flask import Flask, Markup, escape, request, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/uploads"
STATUS_URL = "https://status.example.com/api"


@app.route("/download")
def download():
    return send_from_directory(UPLOADS, request.args.get("file"))


@app.route("/upload", methods=["POST"])
def upload():
    file = request.files["file"]
    file.save(os.path.join(UPLOADS, secure_filename(file.filename)))
    return "ok"


@app.route("/report")
def report():
    with open(os.path.join(UPLOADS, "report.txt")) as handle:
        return handle.read()


@app.route("/status")
def status():
    return requests.get(STATUS_URL, timeout=5).text


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    return Markup("<h1>Hello {}</h1>").format(escape(name))


def receive(sock):
    return sock.read(65536)


def load(path):
    with open(path) as handle:
        return handle.read()
