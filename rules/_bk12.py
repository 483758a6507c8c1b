"""What the rule modules of profile bk12 share (no knowledge lives here): the
literature they cite.

The source text of the project (shared/seed/konseling-individual.txt) names the asas of
individual counseling; the four principles that profile bk12 adds come from the guidance
literature Indonesian BK courses teach: Prayitno & Erman Amti, *Dasar-dasar Bimbingan
dan Konseling* (Jakarta: Rineka Cipta, 1994; rev. ed. 2004), in its chapter on the asas
of guidance and counseling; the same twelve in Sukardi (2008).  A rule's ``source``
cites it as a reference a student can put in a laporan.
"""

from asas.engine.judge.catalog import Text

BOOK = "Prayitno & Erman Amti, Dasar-dasar Bimbingan dan Konseling (Jakarta: Rineka Cipta)"


def prayitno(asas: str, en_note: str = "", id_note: str = "") -> Text:
    """The reference for the asas ``asas`` (its Indonesian name), with an optional note."""
    en = f"{BOOK}, the asas of guidance and counseling: asas {asas}"
    id = f"{BOOK}, bab asas-asas bimbingan dan konseling: asas {asas}"
    return Text(en + (f"; {en_note}" if en_note else ""), id + (f"; {id_note}" if id_note else ""))

