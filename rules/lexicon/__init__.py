"""The Indonesian cue lexicon of counseling talk (spec/verbatim.md, "What good looks like").

Knowledge, not code: each cue names the technique (or mark) it shows, the pattern of
words that shows it, and a short description a reader can check.  The tagger
(engine/verbatim/tag.py) matches these on a normalised sentence (lower case, informal
spellings kept: the patterns list them) and decides between the codes a sentence
shows with the few precedence rules of the spec; it never reads a development file.

Patterns are regular expressions written with macros:

- ``{NEG}``   nggak, gak, enggak, ngga, ga, tidak, tak, ndak, nda
- ``{YOU}``   the client addressed: kamu, kau, lu, lo, elo, anda, mbak, mas, dik, adik, nak
- ``{ME}``    the counselor speaking of themselves: ibu, bapak, saya, aku, bu, pak
- ``{PART}``  an optional particle: ya, sih, dong, deh, kok, lho, loh, kan, nih, tuh, lah
- ``{EMO}``   a feeling word (sedih, takut, kesal/kesel, malu, lega ...)
- ``{W}``     any one word
"""

from __future__ import annotations

NEG = r"(?:nggak|ngga|enggak|engga|gak|ga|tidak|tak|ndak|nda|kagak)"
YOU = r"(?:kamu|kau|lu|lo|elo|anda|mbak|mas|dik|adik|nak|dek)"
ME = r"(?:ibu|bapak|saya|aku|bu|pak)"
PART = r"(?:\s*,?\s*(?:ya|sih|dong|deh|kok|lho|loh|kan|nih|tuh|lah|kah))?"
EMO = (r"(?:sedih|sedihnya|takut|ketakutan|khawatir|cemas|was-was|kesal|kesel|jengkel|marah|"
       r"bingung|malu|kecewa|bangga|lega|capek|capai|lelah|senang|seneng|bahagia|gembira|"
       r"sakit hati|terluka|menyesal|nyesel|bersalah|ragu|bersemangat|semangat|bosan|bete|"
       r"tersinggung|tertekan|stres|stress|gelisah|sepi|kesepian|hampa|putus asa|"
       r"frustrasi|frustasi|iri|cemburu|terharu|berat|ringan|sreg|betah|menakutkan|"
       r"enak|kaget|terkejut|dongkol|sebal|sebel|gugup|deg-degan|tegang|minder|hancur|"
       r"berduka|duka|rindu|kangen|benci|muak|puas|optimis|pesimis|pasrah|sakit|"
       r"terbebani|tersiksa|terpukul|sayang sama)")
W = r"[\w'\-]+"

# (code, pattern, what it shows).  Order within a code does not matter: the first match
# of each code is the cue reported for it.
CUES: tuple[tuple[str, str, str], ...] = (
    # -- attending: greeting, inviting to sit, thanks for coming, goodbyes ------------
    ("attending", r"^(?:selamat (?:pagi|siang|sore|malam|datang)|assalamu'?alaikum|"
                  r"halo|hai|pagi|siang|sore|malam)\b", "greeting"),
    ("attending", r"\b(?:silakan|silahkan|ayo|mari|sini)\s+(?:masuk|duduk)\b|"
                  r"\b(?:masuk|duduk)\s*(?:,\s*)?(?:masuk|sini|situ|dulu)\b|^silakan\b|^masuk\b",
     "inviting in, to sit"),
    ("attending", r"\b(?:terima kasih|makasih|trims)\b.{0,30}\b(?:datang|meluangkan|"
                  r"waktunya|hadir|mau ketemu)\b", "thanks for coming"),
    ("attending", r"\b(?:hati-hati|sampai jumpa|dadah|selamat jalan|semoga lancar)\b", "goodbye"),
    ("attending", r"^(?:saya|aku) (?:bu|pak|ibu|bapak|kak|mbak|mas) [a-z]+\b|"
                  r"^(?:ibu|bu|pak|bapak) [a-z]+, (?:mahasiswa|guru|konselor)",
     "introducing oneself"),
    ("attending", r"\b(?:ambil waktu|pelan-pelan (?:aja|saja)|{NEG} usah tegang|"
                  r"{NEG} perlu minta maaf|menangis (?:di sini )?(?:itu )?wajar|"
                  r"mau (?:air|minum)|yang nyaman (?:aja|saja))\b",
     "making the client at ease"),
    ("attending", r"^(?:{NEG} apa-apa|tidak apa-apa)\b.{0,20}$", "it's all right"),

    # -- structuring: purpose, time, the asas, closing, consent, the client's choice ---
    ("structuring", r"\b(?:ke)?rahasia\w*|\b(?:antara|di antara) kita\b|"
                    r"\btetap di sini\b|\b{NEG} (?:akan |bakal )?(?:{ME} )?(?:cerita|ceritakan|"
                    r"bilang|sampaikan|bocorin|bocorkan|kasih tahu|kasih tau)\w* (?:ke|kepada|"
                    r"sama) (?:siapa|guru|orang|mama|papa|ibumu|ayahmu|wali|teman)",
     "confidentiality"),
    ("structuring", r"\btanpa (?:izin|ijin|persetujuan)\w*\b", "nothing passed on without consent"),
    ("structuring", r"\bkecuali\b|\bpengecualian\b|\bbatas(?:an)?nya\b|"
                    r"\bmembahayakan\b|\bkewajiban hukum\b|\bsatu-satunya yang\b",
     "limits of confidentiality"),
    ("structuring", r"\b(?:kamu|mbak|mas|anda) (?:juga )?bebas\b|\bboleh berhenti\b|"
                    r"\bmau berhenti (?:di tengah|kapan|dulu)\b|\bberhenti kapan\b|\bkapan (?:saja|aja)\b.{0,15}berhenti|"
                    r"\b{NEG} (?:wajib|harus) (?:menjawab|jawab|sebut|cerita)\b|"
                    r"\bboleh (?:kamu )?(?:tolak|menolak|nolak)\b|\bhakmu\b|\bitu hak\b|"
                    r"\bkemauan sendiri\b|\btetap boleh memilih\b|\bmau udahan\b|"
                    r"\bkalau {NEG} nyaman\b|\bkalau belum nyaman\b|\bbukan hukuman\b",
     "voluntariness"),
    ("structuring", r"\btujuan(?:nya| kita| pertemuan)\b|\bpertemuan (?:ini|pertama ini) "
                    r"(?:untuk|lebih untuk)\b|\b(?:jelaskan|jelasin) dulu\b|\bsebelum (?:kita )?"
                    r"(?:mulai|ngobrol|bercerita)\b|\bkita punya waktu\b|"
                    r"\b(?:sekitar|kira-kira) (?:\w+ )?(?:puluh|\d+) (?:\w+ )?menit\b|"
                    r"\bhari ini (?:kita|{ME}) (?:fokus|lihat|mau|pengin|ingin)\b|"
                    r"\bkenapa kita ketemu\b|\bcara kita ngobrol\b",
     "purpose and time"),
    ("structuring", r"(?<!sebelum )(?<!sebelum kita )\b(?:kita )?(?:ketemu|bertemu|berjumpa|jumpa) lagi\b|\bsampai (?:ketemu|"
                    r"bertemu|jumpa)\b|\bpertemuan (?:berikutnya|selanjutnya)\b|"
                    r"\bwaktunya (?:hampir )?habis\b|\bboleh balik ke kelas\b|"
                    r"\bsebelum kita tutup\b|\bkita (?:akhiri|cukupkan|sudahi)\b|"
                    r"\bpintu\b.{0,20}\bterbuka\b|\bsampai (?:senin|selasa|rabu|kamis|jumat|"
                    r"sabtu|minggu) depan\b", "closing, the next meeting"),
    ("structuring", r"\bboleh {ME} sampaikan\b|\byang boleh {ME} sampaikan\b|"
                    r"\bkamu setuju\b|\bterserah (?:kamu|mbak|mas|anda)\b|\b{ME} bisa bantu "
                    r"(?:jelasin|sampaikan|bicara)\b|\bselama (?:kamu|mbak) belum setuju\b",
     "consent before passing information on"),
    ("structuring", r"\bkeputusan\w* (?:akhir\w* )?(?:tetap|ada) (?:di|pada)\b|"
                    r"\b(?:kamu|mbak|anda) (?:sendiri )?yang (?:menentukan|memilih|memutuskan)\b|"
                    r"\byang memilih tetap\b|\bitu keputusanmu\b|\bitu pilihanmu\b|"
                    r"\b{NEG} harus memutuskan\b|\bmemutuskan bersama\b|\bitu pendapat {ME}\b",
     "the client's autonomy"),
    ("structuring", r"\b{ME} (?:mau |pengin |ingin )?minta maaf\b|\blebih banyak dengerin\b",
     "setting the way the session goes"),
    ("structuring", r"^sebentar, ya\b|\bboleh \w+ selesaikan dulu\b", "managing turns"),

    # -- minimal encouragement ---------------------------------------------------------
    ("minimal_encouragement", r"^(?:hmm+|hm+|mm+|oh+|o+h begitu|oh gitu|oh,? begitu|he'?em|"
                              r"ehm|iya+|ya+|oke|ok|lalu|terus|trus|terus\?|lanjut|"
                              r"begitu|gitu)(?:[\s,.?!]+(?:hmm+|oh|begitu|gitu|lalu|terus|ya|"
                              r"iya|lanjut|oke))*[\s.?!]*$", "hmm, oh begitu, lalu?"),

    # -- paraphrase, reflection, summarizing -------------------------------------------
    ("paraphrase", r"^(?:jadi|oh,? jadi|berarti|artinya|dengan kata lain|maksud(?:nya|mu) "
                   r"(?:kamu|mbak)|intinya|ternyata)\b(?! gini\b| begini\b| kesimpulannya\b| "
                   r"apa\b)", "jadi..., berarti..., dengan kata lain..."),
    ("reflection_of_feeling", r"\b(?:kamu|mbak|mas|anda|bapak|dirimu) (?:\w+ ){0,2}"
                              r"(?:merasa|ngerasa|terasa|rasanya)\b(?! (?:gimana|bagaimana))",
     "kamu merasa..."),
    ("reflection_of_feeling", r"\b(?:kedengarannya|kelihatannya|sepertinya|kayaknya|tampaknya|"
                              r"kelihatan|terlihat)\b (?:\w+ ){0,6}(?:{EMO}|kamu|mbak|mas|"
                              r"dirimu|sudah|masih|belum|nggak|tidak)\b|\bterasa\b",
     "kedengarannya..., sepertinya kamu..."),
    ("reflection_of_feeling", r"^(?!(?:ibu|saya|bapak|aku)\b)(?:\w+ )*?(?:kamu|mbak|mas|anda|"
                              r"dirimu)(?! yang) (?:\w+ ){0,3}{EMO}\b",
     "a feeling named for the client"),
    ("reflection_of_feeling", r"^{EMO}\b", "a feeling word, said back"),
    ("reflection_of_feeling", r"\bada (?:rasa|bagian dari dirimu|penyesalan)\b|\brasa (?:bersalah|"
                              r"takut|menyesal|sedih|kecewa)\b|\bsedihnya\b|\bmenyalahkan diri\b|"
                              r"\bpasti (?:sangat )?(?:berarti|berat|bikin)\b|\bbikin (?:kamu|"
                              r"mbak) (?:\w+ )?{EMO}\b|\b{EMO} dan (?:mungkin )?(?:juga )?{EMO}\b|"
                              r"\b(?:takut|khawatir) (?:dianggap|ditanya|melupakan)\b",
     "feelings said back"),
    ("summarizing", r"\b(?:rangkum|merangkum|dirangkum|simpulkan|menyimpulkan|kesimpulan)\b|"
                    r"\bdari tadi kita\b|\bjadi kesepakatannya\b|^ada (?:dua|tiga|empat|lima) "
                    r"(?:ide|pilihan|hal|harapan|rencana)\b",
     "summing up: kalau Ibu rangkum..., ada dua ide..."),

    # -- interpretation, confrontation -----------------------------------------------
    ("interpretation", r"^(?:hmm,? (?:oke,? )?)?mungkin (?:sebenarnya |juga )?(?:kamu|mbak|"
                       r"ibu|ayah|bapak|hp|ini|itu|rasa|dia)\b|\bada hubungannya (?:dengan|"
                       r"sama)\b|\bbisa jadi (?:kamu|mbak) belum\b|\bitu namanya manipulasi\b|"
                       r"\bakarnya\b|\bmakanya sekarang (?:kamu|mbak)\b",
     "mungkin ini ada hubungannya dengan..."),
    ("confrontation", r"\b(?:tadi|kemarin|minggu lalu)?\s*(?:kamu|mbak|mas|anda) bilang\b.{0,120}"
                      r"\b(?:tapi|tetapi|padahal|namun)\b|\btapi barusan\b|^padahal\b|"
                      r"\budah janji\b|\bsudah janji\b",
     "tadi kamu bilang..., tetapi..."),

    # -- information, advice, directives ---------------------------------------------
    ("information_giving", r"\b(?:kasih|beri|berikan|sampaikan|kasi) (?:sedikit |satu )?"
                           r"info(?:rmasi)?\b|\bsebagai informasi\b|\bada informasi\b|"
                           r"\binfo sedikit\b",
     "giving information"),
    ("information_giving", r"\b(?:sekolah|kampus|unit (?:ini|kami)|kami) (?:punya|bisa|"
                           r"menyediakan|ada)\b|\bprosedur\w*\b|\bprogram\b|\bekskul\b|"
                           r"\b(?:aturan|tata tertib)\b|\bbiasanya perlu\b|\bnamanya "
                           r"(?:perundungan|bullying)\b|\bbutuh tidur\b|\breaksi yang\b|"
                           r"\b(?:sangat|paling) umum\b|\bnomornya\b|\bbisa bekerja di\b|"
                           r"\bkip\b|\bpip\b|\bsnbp\b|\btermasuk pelanggaran\b|"
                           r"\bbermasalah secara hukum\b|\bsebagian (?:orang|tempat)\b|"
                           r"\bada (?:kemungkinan|juga)\b|\bpolanya\b|\bmasa yang\b|"
                           r"\btidak aneh\b|\bbukan salahmu\b|\bitu (?:reaksi|wajar)\b",
     "facts the client lacks"),
    ("advice", r"\bsaran\w*\b|\bsebaiknya\b|\blebih baik\b|\bmending\b|\bada baiknya\b|"
               r"\b(?:gimana|bagaimana) kalau (?:kamu|mbak|mas|kita)\b|"
               r"^coba (?!ingat|sebutkan|ceritakan|ceritain|ulangi|jelaskan)|"
               r"\bcoba (?:kamu )?(?:sekali lagi|lihat|pakai|ngomong|bicara|minta|tidur)\b|"
               r"\bsimpan juga\b|\bjaga (?:makan|kesehatan|tidur)\w*\b|\basal (?:kamu|mbak) "
               r"(?:juga )?(?:memperhatikan|jaga)\b|\bmenurut (?:saya|ibu|bapak) pribadi\b|"
               r"\bjalan tengahnya\b|\b(?:kamu|mbak) bisa (?:lihat|tanya|coba) dulu\b|"
               r"\bkamu bisa tanya\b|\bboleh banget\b",
     "saran Ibu..., sebaiknya kamu..., coba..."),
    ("directive_instruction", r"\b(?<!nggak )(?<!gak )(?<!enggak )(?<!ga )(?<!tidak )(?<!tanpa )(?<!merasa )(?<!wajib )"
                              r"harus\b(?! (?:menjawab|jawab|sebut|langsung daftar|memutuskan|"
                              r"menahan|memenuhi))|"
                              r"^jangan\b|\b(?:ya|pokoknya|makanya|udah|sudah),? jangan\b|"
                              r"\bpokoknya\b|\bputusin\b|\blaporin\b|\bbiarin aja\b|"
                              r"\blangsung (?:cari|hubungi|menghubungi|lapor)\b|\b{ME} minta "
                              r"(?:kamu|mbak|mas)\b|\bsaya minta mbak\b|\bingat,? ya\b|"
                              r"\bingat ya\b|\blaporan ke {ME}\b|\bkamu daftar lagi\b|"
                              r"\bkamu masuk lagi\b|\bharus berani\b",
     "kamu harus..., jangan..., pokoknya..."),
    ("reinforcement", r"\b(?:bagus|hebat|keren|mantap|pintar|luar biasa|salut|top)\b|"
                      r"\b(?:ibu|saya|bapak) (?:ikut )?senang\b|\b(?:ibu|saya|bapak) hargai\b|"
                      r"\b(?:terima kasih|makasih)\b.{0,25}\b(?:jujur|menjawab|cerita|"
                      r"mempercayakan|mau cerita|terbuka)\b|\bitu pencapaian\b|"
                      r"\b{NEG} gampang\b|\btidak mudah\b|\bitu rencana\b|\brencana(?:mu| "
                      r"mbak| kamu)? (?:jelas|lengkap|sendiri)\b|\b(?:kamu|mbak) (?:sendiri )?"
                      r"yang menyusun\w*\b|\bmbak susun sendiri\b|\bkamu susun sendiri\b|"
                      r"\blebih tegas\b|\bmasuk akal\b|\bide yang\b|\brealistis\b|"
                      r"\bkamu bisa lihat tujuannya\b|\bkamu menepati\b|\bdisiplin\b|"
                      r"\bbisa (?:kan|kok)\b|^wajar\.?$|\bberani (?:cerita|mau)\b|"
                      r"\b{ME} percaya kamu bisa\b",
     "bagus, hebat, Ibu senang kamu..."),
    ("self_disclosure", r"\b{ME} (?:dulu|juga dulu|dulu juga|pernah|juga pernah)\b|"
                        r"\bwaktu (?:{ME}|saya) (?:smp|sma|sd|kuliah|kecil|seusiamu|muda|"
                        r"remaja|seumuran)\b|\borang ?tua (?:saya|ibu|bapak|aku)\b|"
                        r"\b(?:saya|ibu|bapak) cerita sedikit\b|\bmakanya (?:saya|ibu|bapak) "
                        r"tahu rasanya\b|\b{ME} dulu juga\b|\bwaktu itu (?:saya|ibu|bapak)\b",
     "dulu Ibu juga..., waktu Ibu seusiamu..."),
    ("homework", r"\b(?:catat|mencatat|nyatet|dicatat|tulis|menulis|nulis)\b.{0,60}"
                 r"(?:tiap|setiap|sebelum|selama|minggu|malam|hari)|"
                 r"\b(?:sebelum kita ketemu lagi|selama seminggu|sampai pertemuan)\b.{0,60}"
                 r"\b(?:catat|mencatat|tulis|coba|lakukan)\b|\bmau ditambah satu hal\b|"
                 r"\btugas(?:mu)? (?:untuk|minggu)\b|\bkalau mau,? (?:kamu|mbak) bisa "
                 r"(?:mencoba|coba) menulis\b|\bcoba tulis\b",
     "a task for after the session"),
    ("role_play", r"\"[^\"]+\"|“[^”]+”|\blatihan\b|\b{ME} jadi \w+|\bsaya jadi teman\b|"
                  r"\bsekali lagi,? lihat\b",
     "a role, or practice inside one"),

    # -- questions with a function of their own --------------------------------------
    ("clarification", r"^(?:maksud(?:nya|mu)?|yang kamu maksud)\b|\bbisa (?:dijelaskan|"
                      r"jelaskan|diperjelas)\b|^\w+ (?:itu )?(?:gimana|bagaimana)\?$|"
                      r"\bitu siapa\?$|\bitu apa\?$",
     "maksudnya...?, X gimana?"),
    ("goal_setting", r"\bingin (?:kamu |mbak )?capai\b|\bmau (?:kamu )?capai\b|"
                     r"\b(?:kamu|mbak) harapkan\b|\bharapkan berubah\b|"
                     r"\b(?:pengin|ingin|mau) (?:kamu )?ubah\?|\bkalau (?:ada )?yang bisa "
                     r"berubah\b|\bmana yang paling penting\b|\btujuan(?:mu| kamu)\b|"
                     r"\bkalau (?:kamu|mbak) bayangkan\b.{0,60}\b(?:seperti apa|kayak apa|"
                     r"lebih baik)\b",
     "apa yang ingin kamu capai?"),
    ("evaluation", r"\bapa yang (?:kamu|mbak|bapak|anda)(?: dan \w+)? (?:dapat|dapatkan|"
                   r"peroleh|bawa pulang)\b|\bperasaan(?:mu| mbak| kamu| anda) sekarang\b|"
                   r"\b(?:mau|akan) (?:kamu|mbak) (?:lakukan|coba|siapkan)\b|"
                   r"\bapa yang (?:mau|akan) (?:kamu|mbak) (?:lakukan|siapkan|coba)\b|"
                   r"\blangkah (?:kecil )?apa\b|\bsebutkan lagi rencana\w*\b|"
                   r"\bkesimpulannya apa\b|\bsetelah ngobrol\b|\bapa yang (?:kamu|mbak) "
                   r"rasakan sekarang\b|\bdan perasaanmu sekarang\b|\buntuk menjaga\b",
     "apa yang kamu dapat hari ini, perasaanmu sekarang, apa yang akan kamu lakukan"),

    # -- question types --------------------------------------------------------------
    ("open_question", r"\b(?:bagaimana|gimana|gmn|mengapa|kenapa|knp|ngapain|seperti apa|"
                      r"kayak apa|kaya apa|apa (?:yang|aja|saja|artinya|untung|lagi)|"
                      r"bagian mana|untuk apa|buat apa|menurut(?:mu| kamu| mbak)|"
                      r"kok bisa|dalam hal apa|ada apa)\b",
     "bagaimana, apa yang, mengapa"),
    ("open_question", r"\b(?:ceritakan|ceritain|critain|coba ingat|ingat-ingat)\b",
     "ceritakan..."),
    ("closed_question", r"\b(?:apakah|apa kamu|apa mbak|sudah|udah|pernah|masih|benarkah|"
                        r"betul|bener|kan|nggak|ngga|gak|enggak|tidak|ya|boleh|bisa|mau|"
                        r"ada|jam berapa|berapa|siapa|kapan|di mana|dimana|yang mana|mana)\b",
     "apakah, sudah...?, ...kan?, jam berapa?"),

    # -- marks the knowledge base needs ----------------------------------------------
    ("judgmental", r"\b(?:kamu|lu|kau) sih\b|\bsalah(?:mu| kamu) sendiri\b|\bdasar\b|"
                   r"\b(?:kamu|kau|lu|dasar|memang|emang|anak) (?:\w+ )?(?:malas|pemalas|nakal|"
                   r"bandel|bodoh|payah|cengeng|manja|lebay|baperan)\b|\bpantes(?: aja)?\b|"
                   r"\bpantas saja\b|"
                   r"\bitu namanya kamu\b|\b(?:kamu )?kan cuma\b|\banak zaman sekarang\b|"
                   r"\bkasihan (?:ibumu|ayahmu|bapakmu|orang ?tuamu|mamamu)\b|\bmalah bikin "
                   r"masalah\b|\bjangan dijadi\w* alasan\b|\balasan klasik\b|\bcari-cari "
                   r"alasan\b(?! jadi)|\bterlalu nurut\b|\bmau-mau aja\b|^tuh kan\b|"
                   r"\bbikin nilai turun\b|\bmendekati zina\b|\b(?:cewek|cowok|anak) itu harus\b|"
                   r"\bkok (?:belum|kamu|gitu|begitu|bisa-bisanya)\b|\bbisa-bisanya\b|"
                   r"\b([a-z]{3,}), \1\b|\bnanti juga balik lagi\b|\bpasti kamu\b.{0,40}"
                   r"\bya\?|\bmasa (?:gitu aja|begitu aja)\b|\b{NEG} tahu diri\b|\bketerlaluan\b",
     "salahmu sendiri, kok kamu begitu, dasar malas"),
    ("pressure", r"\b(?:kalau|kalo|kl|jika|sekali)\b.{0,60}\b{ME} (?:terpaksa |akan |bakal )?"
                 r"(?:panggil|laporkan|lapor|bilang|kasih tahu|telepon)\b|\b{ME} panggil\b|"
                 r"\b(?:nanti )?{ME} laporkan\b|\b{ME} terpaksa\b|\bturun tangan\b|"
                 r"\bkalau terpaksa\b|\bkalau masih\b.{0,40}\b(?:sama|dengan|panggil) "
                 r"(?:ibumu|ayahmu|orang ?tuamu|mamamu)\b|\bsoal orang ?tuamu\b|"
                 r"\brahasia,? tapi\b|\bsanksi\b|\bskors\w*\b|\bdikeluarkan\b|"
                 r"\bdemi kebaikan\w*\b.{0,20}\bbeda\b|\b{ME} tunggu kabar\b|"
                 r"\bmau ibumu ninggalin\b|\bpunya tanggung jawab juga\b|\b{ME} nggak mau "
                 r"sampai begitu\b",
     "kalau tidak..., nanti Ibu laporkan..."),
)


def expand(pattern: str) -> str:
    """A cue's pattern with its macros replaced."""
    return (pattern.replace("{NEG}", NEG).replace("{YOU}", YOU).replace("{ME}", ME)
            .replace("{PART}", PART).replace("{EMO}", EMO).replace("{W}", W))


# Talk about the past (kekinian): a counselor turn that takes the conversation back.
PAST = expand(r"\b(?:dulu|masa kecil|waktu (?:kamu )?(?:kecil|sd|smp)|dahulu|masa lalu|"
              r"waktu itu|tahun lalu)\b")

# Questions asked yes or no although they hold a wh-word ("tahu nggak, ... seperti apa?")
YES_NO = expand(r"\bapakah\b|^(?:tahu|tau|tahukah)\b|\b(?:tahu|tau|pernah|sudah|udah|mau|bisa|"
                r"ada|ingat|inget|setuju|yakin|paham|ngerti|suka) {NEG}\b")
# Opening a topic without a question mark ("Ceritakan ...", "Coba ingat-ingat lagi ...")
OPEN_REQUEST = expand(r"^(?:\w+,? )?(?:coba )?(?:ceritakan|ceritain|critain|ingat-ingat|"
                      r"coba ingat|jelaskan|gambarkan)\b")
# A question that only continues the last one ("Lalu yang kurang bagus?", "Kalau ke Raka?")
ELLIPTIC = expand(r"^(?:lalu|terus|trus|kalau|kalo|dan|selain itu|bagaimana dengan|"
                  r"gimana dengan)\b")

# A client voicing a decision or plan of their own (spec: "saya akan..., saya mau mencoba...")
DECISION = expand(r"\b(?:saya|aku|gue|gw)\s+(?:\w+\s+){0,2}(?:akan|mau|mau coba|ingin|pengin|"
                  r"pingin|bakal|memutuskan|putuskan|coba|mencoba|berencana|rencananya|"
                  r"siap)\b|\brencana(?:ku|nya saya| saya)\b|\bmending (?:saya|aku)\b|"
                  r"\b(?:pertama|kedua|ketiga),? (?:saya|aku)\b|^mau (?:coba|lihat|nyoba)\b|"
                  r"\b(?:saya|aku) (?:sendiri )?yang (?:ngomong|bilang|cerita|bicara)\b")
# A counselor question about what the client will do: the answer is the client's plan
ASKS_PLAN = expand(r"\b(?:lakukan|rencana\w*|coba|siapkan|langkah|menjaga)\b")
NO_PLAN = expand(r"^(?:{NEG}|belum) (?:tahu|tau)\b|^bingung\b|^{NEG}\b[.!]?$")
# ... and not their own: agreeing to what they were told
NOT_OWN = expand(r"^(?:iya|ya|baik|oke|ok|siap)\b[^.?!]{0,12}(?:deh|bu|pak)?[.!]?\s*"
                 r"(?:nanti )?(?:aku|saya) (?:putusin|lakukan|ikuti|turuti)\b|"
                 r"\b(?:disuruh|kata ibu|kata bapak|seperti yang ibu bilang)\b")

# What a structuring turn shows (spec: "whether the opening shows confidentiality, its
# limits, voluntariness and the purpose being explained").  A turn that also presses
# the client ("Iya rahasia, tapi ...") explains nothing.
OPENING = {
    "confidentiality": expand(
        r"\b(?:ke)?rahasia\w*|\b(?:antara|di antara) kita\b|\btetap di sini\b|"
        r"\b{NEG} (?:akan |bakal )?(?:{ME} )?(?:cerita|ceritakan|bilang|sampaikan|bocorin|"
        r"bocorkan|kasih tahu|kasih tau)\w* (?:ke|kepada|sama) (?:siapa|guru|orang|mama|papa|"
        r"ibumu|ayahmu|wali|teman)|\btanpa (?:izin|ijin|persetujuan)\w*\b"),
    "limits": expand(
        r"\bkecuali\b|\bpengecualian\b|\bmembahayakan\b|\bkewajiban hukum\b|"
        r"\b(?:ada )?batas(?:an)?nya\b|\bsatu-satunya yang\b|\bkeselamatan\w*\b"),
    "voluntariness": expand(
        r"\b(?:kamu|mbak|mas|anda) (?:juga )?bebas\b|\bboleh berhenti\b|\bmau berhenti (?:di tengah|kapan|dulu)\b|"
        r"\bberhenti kapan\b|\bkita berhenti\b|\b{NEG} (?:wajib|harus) (?:menjawab|jawab|"
        r"sebut|cerita)\b|\bboleh (?:kamu )?(?:tolak|menolak|nolak)\b|\bhakmu\b|\bitu hak\b|"
        r"\bkemauan sendiri\b|\btetap boleh memilih\b|\bmau udahan\b|\bbukan hukuman\b"),
    "purpose": expand(
        r"\btujuan(?:nya| kita| pertemuan)\b|\bpertemuan (?:ini|pertama ini) (?:untuk|lebih "
        r"untuk)\b|\bkenapa kita ketemu\b|\bhari ini (?:kita|{ME}) (?:fokus|lihat|mau|pengin|"
        r"ingin)\b|\b{ME} (?:mau|pengin|ingin) (?:cari tahu|dengar|membantu|bantu)\b|"
        r"\bkita (?:lihat|bahas|cari)\b"),
}

# Long self-disclosure (spec: "long from about sixty words")
LONG_SELF_DISCLOSURE = 60
