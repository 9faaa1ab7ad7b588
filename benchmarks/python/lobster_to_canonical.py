#!/usr/bin/env python3
"""Convert a LOBSTER sample zip (message + orderbook files) into canonical CSVs for the eimas CLI.

usage: lobster_to_canonical.py LOBSTER.zip SYMBOL YYYY-MM-DD UTC_OFFSET_HOURS OUT_DIR

Writes OUT_DIR/books.csv.gz  (ts,symbol,bid_px_i,bid_sz_i,ask_px_i,ask_sz_i...; the book after each message)
       OUT_DIR/trades.csv.gz (ts,symbol,price,size,bid,ask; executions, types 4 and 5, with the book before them)
       OUT_DIR/quotes.csv.gz (ts,symbol,bid,ask,bid_sz,ask_sz; the top of book after each message)
Empty LOBSTER levels (price +/-9999999999, size 0) become price 0, size 0.
ts = epoch ns of (date midnight local) + seconds after midnight, computed exactly from the text.
"""
import calendar, datetime, gzip, io, sys, zipfile
from decimal import Decimal


def px(p):
    p = int(p)
    if abs(p) >= 9999999999:
        return "0"
    d = Decimal(p) / Decimal(10000)
    s = format(d.normalize(), "f")
    return s


def main():
    zpath, sym, day, off, out = sys.argv[1:6]
    y, m, d = map(int, day.split("-"))
    midnight = calendar.timegm(datetime.datetime(y, m, d).timetuple()) - int(off) * 3600
    base = midnight * 1_000_000_000
    z = zipfile.ZipFile(zpath)
    msg = [n for n in z.namelist() if "message" in n][0]
    ob = [n for n in z.namelist() if "orderbook" in n][0]
    levels = int(ob.rsplit("_", 1)[1].split(".")[0])
    import os
    os.makedirs(out, exist_ok=True)
    hdr = ["ts", "symbol"]
    for i in range(1, levels + 1):
        hdr += [f"bid_px_{i}", f"bid_sz_{i}", f"ask_px_{i}", f"ask_sz_{i}"]
    with z.open(msg) as fm, z.open(ob) as fo, \
            gzip.open(os.path.join(out, "books.csv.gz"), "wt") as wb, \
            gzip.open(os.path.join(out, "trades.csv.gz"), "wt") as wt, \
            gzip.open(os.path.join(out, "quotes.csv.gz"), "wt") as wq:
        wb.write(",".join(hdr) + "\n")
        wt.write("ts,symbol,price,size,bid,ask\n")
        wq.write("ts,symbol,bid,ask,bid_sz,ask_sz\n")
        prev_bid, prev_ask = "", ""
        for lm, lo in zip(io.TextIOWrapper(fm), io.TextIOWrapper(fo)):
            t, typ, oid, size, price, direction = lm.strip().split(",")[:6]
            sec = Decimal(t)
            ts = base + int(sec * 1_000_000_000)
            f = lo.strip().split(",")
            row = [str(ts), sym]
            for i in range(levels):
                ap, asz, bp, bsz = f[4 * i:4 * i + 4]
                row += [px(bp), bsz if px(bp) != "0" else "0", px(ap), asz if px(ap) != "0" else "0"]
            if typ in ("4", "5"):
                wt.write(f"{ts},{sym},{px(price)},{size},{prev_bid},{prev_ask}\n")
            wb.write(",".join(row) + "\n")
            prev_bid, prev_ask = row[2], row[4]
            wq.write(f"{ts},{sym},{row[2]},{row[4]},{row[3]},{row[5]}\n")


if __name__ == "__main__":
    main()
