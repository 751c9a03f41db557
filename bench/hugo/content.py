"""Copies a Vitrina benchmark corpus into a Hugo content tree: one section per stand, the stand's home page carrying
its region, type and nominations as taxonomies (for the listings and for Hugo's related content, the counterpart of
Vitrina's similar stands)."""
import os, re, sys

corpus, site = sys.argv[1], sys.argv[2]
stands = os.path.join(corpus, "stands")
for sid in os.listdir(stands):
    src, dst = os.path.join(stands, sid), os.path.join(site, "content", "stands", sid)
    os.makedirs(dst, exist_ok=True)
    yaml = open(os.path.join(src, "stand.yaml"), encoding="utf-8").read()
    field = lambda k: (re.search(r"^%s:\s*(.*)$" % k, yaml, re.M) or [None, ""])[1].strip().strip('"')
    noms = [n.strip() for n in field("nominations").strip("[]").split(",") if n.strip()]
    pages = {md: open(os.path.join(src, md), encoding="utf-8").read() for md in os.listdir(src) if md.endswith(".md")}
    for md, text in sorted(pages.items()):
        if md == "index.md":
            body = text.split("---", 2)[2]
            with open(os.path.join(dst, "_index.md"), "w", encoding="utf-8") as f:
                f.write('---\ntitle: "%s"\nregions: ["%s"]\ntypes: ["%s"]\nnominations: [%s]\n---%s'
                        % (field("short_name").replace('"', ''), field("region"), field("type"),
                           ", ".join('"%s"' % n for n in noms), body))
        else:
            with open(os.path.join(dst, md), "w", encoding="utf-8") as f:
                f.write(text)
