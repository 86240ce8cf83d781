from lxml import etree


def lookup(request):
    name = request.GET["name"]
    tree = etree.parse("users.xml")
    # ruleid: secsdlc.python.injection.xpath-injection
    tree.xpath("//user[@name='" + name + "']")
    # ruleid: secsdlc.python.injection.xpath-injection
    tree.getroot().findall(f".//user[@name='{name}']")
    # ok: secsdlc.python.injection.xpath-injection
    tree.xpath("//user[@name=$name]", name=name)
    # ok: secsdlc.python.injection.xpath-injection
    "abc".find(name, 1)


def serve(request, path):
    # ok: secsdlc.python.injection.xpath-injection
    absolute_path = finders.find(path)
    root = etree.fromstring(load())
    # ruleid: secsdlc.python.injection.xpath-injection
    root.find(f".//file[@path='{path}']")
    return absolute_path
