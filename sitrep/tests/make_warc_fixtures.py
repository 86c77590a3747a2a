# Regenerates fixtures/warc/small.warc and small.warc.gz (run from tests/fixtures/warc). Invented pages.
import gzip, hashlib
def rec(kind, uri, ctype, block, date="2025-07-01T12:00:00Z"):
    rid = hashlib.sha1(((uri or "") + kind).encode()).hexdigest()[:12]
    h = f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{rid}-0000-4000-8000-000000000000>\r\nWARC-Date: {date}\r\n"
    if uri: h += f"WARC-Target-URI: {uri}\r\n"
    h += f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n"
    return h.encode() + block + b"\r\n\r\n"
def http(status, headers, body):
    return (f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k,v in headers) + "\r\n").encode() + body
page1 = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vaccination drive reaches remote valleys - Highland Post</title>
<meta property="article:published_time" content="2025-06-30T09:00:00Z"><meta property="og:site_name" content="Highland Post"></head>
<body><nav><a href="/">Home</a><a href="/health">Health</a></nav><article><h1>Vaccination drive reaches remote valleys</h1>
<p>Health workers travelling on horseback and by motorbike have vaccinated more than eight thousand children against measles in the remote valleys of the eastern highlands over the past month, the health ministry said on Monday.</p>
<p>The campaign targeted villages that had not been reached by earlier drives because of washed-out roads, and officials said coverage in the district had risen from about half of all children to nearly nine in ten.</p>
<p>The ministry plans a second round in the autumn to reach families who were away with their herds during the summer grazing season.</p>
</article><footer>Highland Post</footer></body></html>""".encode()
page2 = """<!doctype html><html lang="en"><head><meta charset="windows-1252"><title>Museum returns carved doors to village</title></head>
<body><article><h1>Museum returns carved doors to village</h1>
<p>A museum in the capital has returned a pair of carved wooden doors to the village of K\xe9lu, more than a century after they were removed by a colonial official, the museum\x92s director said on Sunday.</p>
<p>Villagers gathered to receive the doors at a ceremony attended by the regional governor, who called the return an important step towards reconciliation and said other museums should follow the example.</p>
</article></body></html>""".encode("latin-1")
body2 = gzip.compress(page2, mtime=0)
chunked = b"".join(b"%x\r\n" % len(body2[i:i+100]) + body2[i:i+100] + b"\r\n" for i in range(0, len(body2), 100)) + b"0\r\n\r\n"
records = [
  rec("warcinfo", None, "application/warc-fields", b"software: sitrep-fixture\r\nformat: WARC File Format 1.0\r\n"),
  rec("request", "https://highlandpost.test/health/vaccination-drive", "application/http; msgtype=request", b"GET /health/vaccination-drive HTTP/1.1\r\nHost: highlandpost.test\r\n\r\n"),
  rec("response", "https://highlandpost.test/health/vaccination-drive", "application/http; msgtype=response", http("200 OK", [("Content-Type","text/html; charset=utf-8")], page1)),
  rec("response", "https://highlandpost.test/logo.png", "application/http; msgtype=response", http("200 OK", [("Content-Type","image/png")], b"\x89PNG\r\n\x1a\n")),
  rec("response", "https://culturedesk.test/museum-doors", "application/http; msgtype=response", http("200 OK", [("Content-Type","text/html"),("Content-Encoding","gzip"),("Transfer-Encoding","chunked")], chunked)),
  rec("response", "https://highlandpost.test/missing", "application/http; msgtype=response", http("404 Not Found", [("Content-Type","text/html")], b"<html><body>Not found</body></html>")),
]
open("small.warc","wb").write(b"".join(records))
open("small.warc.gz","wb").write(b"".join(gzip.compress(r, mtime=0) for r in records))
