from flask import Flask, request, make_response
import base64
import json
import pickle
import yaml

app = Flask(__name__)


@app.route("/item/<value>")
def handler(value):

    data = "{}".format(value).strip()
    obj = yaml.load(data, Loader=yaml.Loader)
    return 'ok'
