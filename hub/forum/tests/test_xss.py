"""Every payload of a cheat-sheet style corpus (after the OWASP XSS Filter Evasion Cheat Sheet, written
here rather than fetched), posted as a topic and as a reply: the rendered page holds no script element,
no event handler attribute and no javascript: (or vbscript:, data:) URL in the posts."""

import re
from html.parser import HTMLParser

import pytest

from hub.forum import services

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert('XSS')</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    '<a onmouseover="alert(document.cookie)">xxs link</a>',
    "<a onmouseover=alert(document.cookie)>xxs link</a>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',  # noqa: E501 - a payload is kept whole
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",  # noqa: E501
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",  # noqa: E501
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    '<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>',
    '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
    '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
    "<SCRIPT SRC=https://xss.example/xss.js?< B >",
    "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
    '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<svg/onload=alert('XSS')>",
    "<svg><script>alert(1)</script></svg>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<BR SIZE=\"&{alert('XSS')}\">",
    '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">',
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<TD BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
    "<STYLE TYPE=\"text/javascript\">alert('XSS');</STYLE>",
    "<STYLE>.XSS{background-image:url(\"javascript:alert('XSS')\");}</STYLE><A CLASS=XSS></A>",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    '<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.example/scriptlet.html"></OBJECT>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH" type="image/svg+xml"></EMBED>',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">click</a>',
    '<a href=" javascript:alert(1)">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](  javascript:alert(1)  )",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](javascript:alert(1))",
    '![img" onerror="alert(1)](https://example.org/x.png)',
    '[a](https://example.org/" onmouseover="alert(1))',
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<button formaction="javascript:alert(1)">x</button>',
    "<isindex type=image src=1 onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<x onclick=alert(1)>click</x>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<img src="x" ONERROR=alert(1)>',
    "`<script>alert(1)</script>`",
    "    <script>alert('indented code')</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    '<?xml version="1.0"?><html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script>',
]

BAD_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)
# What a sanitised post may hold (hub.lib.markdown.ALLOWED_TAGS); anything else inside a post is a threat.
POST_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre", "h3", "h4", "h5", "h6"}
POST_TAGS |= {"a", "hr", "table", "thead", "tbody", "tr", "th", "td"}
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "embed", "base", "col", "wbr", "area", "param", "track"}


class _Scanner(HTMLParser):
    """Reads the page as a browser's parser would (entities decoded) and notes every threat anywhere on
    it: a script that is not ours (from /static/), an event handler attribute, a javascript:, vbscript:
    or data: URL; and inside a post, any element a sanitised post cannot hold."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.threats, self.posts, self.depth = [], 0, 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.depth:
            if tag not in POST_TAGS:
                self.threats.append(f"<{tag}> in a post")
            if tag not in VOID:
                self.depth += 1
        elif "post-body" in (attributes.get("class") or "").split():
            self.posts += 1
            self.depth = 1
        if tag == "script" and not (attributes.get("src") or "").startswith("/static/"):
            self.threats.append("<script>")
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.threats.append(f"{tag}[{name}]")
            if value and BAD_URL.match(value):
                self.threats.append(f"{tag}[{name}={value}]")

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            self.depth -= 1


def scan(html: str) -> _Scanner:
    scanner = _Scanner()
    scanner.feed(html)
    return scanner


def threats_in(html: str) -> list[str]:
    return scan(html).threats


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_of_the_corpus_runs_in_a_topic_page(client, alice, board, payload, trusted):
    topic, _first = services.topic_start(user=alice, board=board, title=payload[:200], body=payload)
    services.post_reply(topic=topic, user=alice, body=f"Quoting:\n\n> {payload}\n\n{payload}")
    page = client.get(topic.get_absolute_url()).content.decode()
    scanned = scan(page)
    assert scanned.posts == 2
    assert scanned.threats == []


def test_the_checker_finds_what_it_looks_for():
    html = '<div class="post-body"><script>x</script><a href="&#106;avascript:x" onclick="y">a</a></div>'
    assert threats_in(html) == ["<script> in a post", "<script>", "a[href=javascript:x]", "a[onclick]"]
    assert threats_in('<div class="post-body"><p>ok</p></div><iframe src="x"></iframe>') == []
    assert threats_in('<script src="/static/js/site.js"></script><meta charset="utf-8">') == []
