"""Rebuilds cmusphinx_en_us_bigrams.tsv.gz from the CMU Sphinx US English model.

    python3 -m venv v && v/bin/pip install pocketsphinx
    v/bin/python make_cmusphinx_bigrams.py

pocketsphinx's NGramModel writes ARPA with log-probabilities in its log-math units
(log10 x 32767.6 for the default LogMath); they are scaled back to log10 here. Only
unigrams and bigrams whose words are in the SymSpell frequency list are kept.
"""
import gzip
import pocketsphinx as ps

lm = ps.NGramModel(ps.Config(), ps.LogMath(), ps.get_model_path() + "/en-us/en-us.lm.bin")
lm.write("en-us.arpa", 1)
lex = {line.split()[0] for line in gzip.open("frequency_dictionary_en_82_765.txt.gz", "rt")}
# log10 P(the) is -1.3895 in the model's own ARPA header section.
K = 45530.6440 / 1.3895
uni, big, sec = {}, [], None
for line in open("en-us.arpa"):
    if line.startswith("\\1-grams"):
        sec = 1
        continue
    if line.startswith("\\2-grams"):
        sec = 2
        continue
    if line.startswith("\\3-grams"):
        break
    p = line.rstrip("\n").split("\t")
    if sec == 1 and len(p) >= 2 and (p[1] in lex or p[1] in ("<s>", "</s>")):
        uni[p[1]] = (float(p[0]) / K, float(p[2]) / K if len(p) > 2 else 0.0)
    elif sec == 2 and len(p) >= 3 and p[1] in uni and p[2] in uni and p[1] != "<s>" and p[2] != "</s>":
        big.append((p[1], p[2], float(p[0]) / K))
big.sort()
with gzip.open("cmusphinx_en_us_bigrams.tsv.gz", "wt", compresslevel=9) as g:
    for w, (lp, bo) in sorted(uni.items()):
        g.write(f"{w}\t{lp:.2f}\t{bo:.2f}\n")
    g.write("\n")
    cur = None
    for a, b, v in big:
        if a != cur:
            if cur is not None:
                g.write("\n")
            g.write(a)
            cur = a
        g.write(f"\t{b} {v:.1f}")
    g.write("\n")
