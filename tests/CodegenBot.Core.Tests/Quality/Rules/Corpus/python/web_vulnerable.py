# Test data for the rule corpus: deliberately vulnerable code.
import os
from urllib.request import urlopen

import requests
from flask import Flask, Markup, request, send_file

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/download")
def download():
    name = request.args.get("file")
    return send_file(os.path.join(UPLOADS, name))  # expect: CG5006


@app.route("/read")
def read():
    with open("/srv/data/" + request.args["name"]) as handle:  # expect: CG5006
        return handle.read()


@app.route("/upload", methods=["POST"])
def upload():
    file = request.files["file"]
    file.save(os.path.join(UPLOADS, file.filename))  # expect: CG5006
    return "ok"


@app.route("/proxy")
def proxy():
    url = request.args.get("url")
    return requests.get(url, timeout=5).text  # expect: CG5012


@app.route("/preview")
def preview():
    return urlopen(request.args["target"]).read()  # expect: CG5012, CG4006


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    return Markup(f"<h1>Hello {name}</h1>")  # expect: CG5011


def receive(sock):
    data = sock.read()  # expect: CG4006
    return data
