#!/usr/bin/env python3
"""Refreshes elements.tsv and uids.tsv from the PS3.6 facts that Debian's
python3-pydicom ships as Python dictionaries.

Only facts (tag, VR, VM, keyword, name, retired flag; UID, keyword, name, type)
are taken; the files it writes are the data the build's DictionaryGenerator
turns into Java. Run it by hand when the standard moves on, then review the diff:

    python3 dicom-core/src/dictionary/import-pydicom.py
"""
import os
import sys

sys.path.insert(0, "/usr/lib/python3/dist-packages")
from pydicom._dicom_dict import DicomDictionary, RepeatersDictionary  # noqa: E402
from pydicom._uid_dict import UID_dictionary  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))


def vr_field(vr):
    # pydicom writes alternatives as "US or SS" or "US or SS or OW"; items as NONE.
    return "/".join(p.strip() for p in vr.split(" or ")) if vr != "NONE" else "-"


rows = []
for tag, (vr, vm, name, retired, keyword) in DicomDictionary.items():
    rows.append(("%08X" % tag, vr_field(vr), vm, keyword, "R" if retired else "", name))
for mask, (vr, vm, name, retired, keyword) in RepeatersDictionary.items():
    rows.append((mask.upper().replace("X", "x"), vr_field(vr), vm, keyword, "R" if retired else "", name))
rows.sort(key=lambda r: r[0].replace("x", "0"))
with open(os.path.join(here, "elements.tsv"), "w", encoding="utf-8") as f:
    f.write("# tag\tVR\tVM\tkeyword\tretired\tname   (PS3.6 section 6-9; x = any hex digit)\n")
    for r in rows:
        if not r[3]:
            continue  # elements without a keyword are not addressable by name
        f.write("\t".join(r) + "\n")

uid_rows = {}
for uid, (name, kind, info, retired, keyword) in UID_dictionary.items():
    if keyword:
        uid_rows[uid] = (uid, keyword, kind, "R" if retired else "", name.replace(" (Retired)", ""))
# rows added from a newer PS3.6 than the installed pydicom knows (HTJ2K, JPEG XL, ...) are kept
uids_file = os.path.join(here, "uids.tsv")
if os.path.exists(uids_file):
    with open(uids_file, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            r = tuple(line.rstrip("\n").split("\t"))
            uid_rows.setdefault(r[0], r)
with open(uids_file, "w", encoding="utf-8") as f:
    f.write("# uid\tkeyword\ttype\tretired\tname   (PS3.6 Annex A)\n")
    for r in sorted(uid_rows.values(), key=lambda r: [int(p) if p.isdigit() else 0 for p in r[0].split(".")]):
        f.write("\t".join(r) + "\n")
