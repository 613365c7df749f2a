"""Rebuild trendlib/data/sample_asean_2023.csv: the bundled ASEAN Summit sample.

Our own text (every account is fictional) about the 43rd ASEAN Summit, Jakarta, 5-7 Sep
2023, laid out as tweet-harvest CSV. Seeded, so the output is identical on every run::

    python scripts/make_sample_posts.py [OUT]   # default: trendlib/data/sample_asean_2023.csv

See docs/io.md ("The bundled sample") for what it holds and why.
"""
# Posts: (date 'MM-DD', register, author or None, text, reply_to or None)
P = [
# 29 Aug
("08-29","news","kabarjakarta24","Persiapan KTT ke-43 ASEAN di Jakarta Convention Center memasuki tahap akhir. Acara puncak 5-7 September 2023. #KTTASEAN2023",None),
("08-29","official","warta_asean","Indonesia siap menyambut para pemimpin ASEAN pada KTT ke-43 dengan tema \"ASEAN Matters: Epicentrum of Growth\". #ASEAN2023 #ASEANMatters",None),
("08-29","casual",None,"KTT ASEAN tuh kapan sih? katanya jalanan mau ditutup2 ya",None),
("08-29","casual",None,"bismillah semoga KTT ASEAN lancar, bangga jakarta jadi tuan rumah lagi 🇮🇩",None),
("08-29","news","detak_nusantara","Polda Metro siapkan ribuan personel gabungan untuk pengamanan KTT ASEAN di Jakarta. #KTTASEAN2023",None),
("08-29","casual",None,"baru tau ternyata ada KTT ASEAN lagi, yg di labuan bajo kemarin itu KTT ke-42 kan?",None),
("08-29","complaint",None,"tiap ada acara gede pasti rakyat yg disuruh ngalah. jalan ditutup, kerja dari rumah, usaha sepi",None),
# 30 Aug
("08-30","official","infopublik_ktt","Rangkaian KTT ke-43 ASEAN berlangsung 5-7 September 2023 di Jakarta, dilanjutkan KTT Asia Timur. Pantau info resmi di kanal kami. #ASEAN2023",None),
("08-30","news","portalberita_id","Pemprov DKI kaji kebijakan kerja dari rumah bagi ASN selama KTT ASEAN untuk mengurangi kepadatan lalu lintas. #KTTASEAN2023",None),
("08-30","casual",None,"wfh pas KTT ASEAN? asikkk bisa kerja sambil rebahan 😂",None),
("08-30","complaint",None,"ojol kayak aku gimana dong kalo jalan ditutup semua, orderan makin sepi 😩",None),
("08-30","casual",None,"anak2 kantor udah pada heboh mau wfh, padahal belum ada pengumuman resmi wkwk",None),
("08-30","news","suaraekonomi_id","Ekonom: KTT ASEAN bisa jadi momentum menarik investasi ke kawasan, terutama ekonomi digital dan kendaraan listrik. #ASEANMatters",None),
("08-30","casual",None,"temanya ASEAN Matters: Epicentrum of Growth. keren sih, semoga bukan cuma slogan",None),
# 31 Aug
("08-31","traffic","tmc_lalin_jkt","Rekayasa lalu lintas di sekitar Senayan dan Sudirman akan diberlakukan selama KTT ASEAN. Mohon cari jalur alternatif. #KTTASEAN2023",None),
("08-31","reply",None,"@tmc_lalin_jkt min, busway koridor 1 tetap jalan normal kan?","tmc_lalin_jkt"),
("08-31","reply","tmc_lalin_jkt","@rinaa_ws Layanan Transjakarta tetap beroperasi, beberapa halte di sekitar lokasi mungkin dialihkan sementara. Pantau info resmi ya.","rinaa_ws"),
("08-31","complaint",None,"fix minggu depan macet parah. udah kebayang 2 jam di jalan cuma buat ke kantor",None),
("08-31","news","kabarjakarta24","Sejumlah hotel di kawasan Senayan penuh dipesan delegasi KTT ASEAN. #KTTASEAN2023",None),
("08-31","casual",None,"jalan2 ke GBK weekend ini masih bisa gak ya, apa udah steril buat KTT ASEAN?",None),
("08-31","positive",None,"bangga bgt liat persiapan KTT ASEAN, jakarta makin rapi dan bersih 😍 #KTTASEAN2023",None),
("08-31","hoax","infopublik_ktt","HOAKS: beredar pesan berantai bahwa seluruh jalan di Jakarta ditutup total selama KTT ASEAN. Faktanya, penutupan hanya situasional di sekitar lokasi acara. #ASEAN2023",None),
("08-31","casual",None,"eh serius ga sih jalan ditutup total seminggu? dapet info dari grup WA keluarga 😅",None),
("08-31","casual",None,"yg bener aja ditutup total, udah dibantah kok itu hoaks. jangan asal share ya bund",None),
# 1 Sep
("09-01","news","portalberita_id","Pemprov DKI tetapkan kerja dari rumah 50 persen bagi ASN pada 4-7 September selama KTT ASEAN. #KTTASEAN2023",None),
("09-01","casual",None,"alhamdulillah wfh beneran, tapi kantorku swasta jadi tetep ngantor dong 🥲",None),
("09-01","complaint",None,"sekolah anak juga belajar dari rumah katanya. ya ampun baru juga masuk sekolah udah pjj lagi",None),
("09-01","casual",None,"KTT ASEAN ini yang dateng siapa aja sih? presiden2 se-ASEAN ya?",None),
("09-01","news","detak_nusantara","Sejumlah kepala negara mitra dijadwalkan hadir dalam KTT Asia Timur di Jakarta, 7 September 2023. #KTTASEAN2023 #ASEAN2023",None),
("09-01","official","warta_asean","ASEAN harus tetap relevan bagi rakyatnya. Itulah semangat ASEAN Matters. #ASEANMatters #ASEAN2023",None),
("09-01","positive",None,"salut sama relawan & petugas kebersihan yg kerja lembur buat KTT ASEAN 👏",None),
("09-01","casual",None,"btw myanmar ikut KTT ASEAN gak sih? penasaran isunya dibahas apa nggak",None),
("09-01","neutral",None,"Nonton berita pagi, bahasannya soal KTT ASEAN semua. Jakarta lagi jadi pusat perhatian kawasan.",None),
# 2 Sep
("09-02","traffic","tmc_lalin_jkt","Uji coba pengalihan arus di kawasan Gatot Subroto dan Senayan hari ini pukul 09.00-12.00 WIB. #KTTASEAN2023",None),
("09-02","complaint",None,"baru uji coba aja udah macet gini, gimana pas hari H 😤 #KTTASEAN2023",None),
("09-02","casual",None,"sabtu2 kena macet uji coba KTT ASEAN, mana ac mobil mati lagi. sabar sabar",None),
("09-02","positive",None,"lagi lewat sudirman, umbul2 ASEAN udah dipasang. cakep bangettt 🤩",None),
("09-02","news","kabarjakarta24","Ribuan bendera negara anggota ASEAN mulai dipasang di sepanjang jalan protokol Jakarta. #ASEAN2023",None),
("09-02","casual",None,"ada yg tau gak rute alternatif dari blok m ke kuningan pas KTT ASEAN?",None),
("09-02","reply",None,"@kabarjakarta24 jalan protokol doang yg cantik, gang rumahku masih banjir kalo hujan 🙃","kabarjakarta24"),
("09-02","neutral",None,"KTT ASEAN tahun ini di JCC Senayan ya, bukan di Bali. baru ngeh",None),
# 3 Sep
("09-03","news","suaraekonomi_id","Indonesia dorong penguatan ekosistem kendaraan listrik kawasan pada KTT ASEAN ke-43. #ASEANMatters #KTTASEAN2023",None),
("09-03","official","humas_panitia43","Media center KTT ke-43 ASEAN resmi dibuka. Jurnalis dapat mengakses fasilitas mulai hari ini. #KTTASEAN2023",None),
("09-03","casual",None,"temen kantor jadi LO delegasi KTT ASEAN, keren parah. aku cuma jadi penonton di rumah 😭",None),
("09-03","complaint",None,"kenapa sih harus di tengah kota, bikin susah orang yg mau kerja. mending di IKN sekalian",None),
("09-03","reply",None,"@gilang_prtm IKN belum jadi bro, gedungnya aja masih dibangun 😅","gilang_prtm"),
("09-03","positive",None,"semoga KTT ASEAN ini bawa investasi beneran ke indonesia, bukan cuma foto2 doang. tetep optimis! 💪",None),
("09-03","casual",None,"minggu depan libur gak sih? anakku sekolahnya deket senayan",None),
("09-03","hoax","infopublik_ktt","Tidak benar ada libur nasional selama KTT ASEAN. Pembelajaran jarak jauh hanya berlaku bagi sekolah tertentu di sekitar lokasi. Cek sumber resmi sebelum membagikan. #ASEAN2023",None),
("09-03","neutral",None,"Rekap jadwal: 5 Sep pembukaan KTT ke-43 ASEAN, 6 Sep pertemuan dengan mitra, 7 Sep KTT Asia Timur & penutupan. #KTTASEAN2023",None),
("09-03","casual",None,"nonton youtube bahas KTT ASEAN malah jadi tau banyak soal ASEAN. ternyata udah 56 tahun ya",None),
("09-03","complaint",None,"harga parkir di sekitar senayan naik gila2an, katanya karena acara. ada yg ngerasa juga?",None),
("09-03","positive",None,"ASEAN tuh penting banget sih buat stabilitas kawasan. seneng Indonesia jadi ketua tahun ini 🇮🇩 #ASEANMatters",None),
# 4 Sep
("09-04","official","warta_asean","Para delegasi mulai tiba di Jakarta. Selamat datang di Indonesia! #KTTASEAN2023 #ASEAN2023",None),
("09-04","news","kabarjakarta24","Delegasi negara ASEAN mulai berdatangan di Bandara Soekarno-Hatta, Senin (4/9). #KTTASEAN2023",None),
("09-04","traffic","tmc_lalin_jkt","Hari ini pengalihan arus di sekitar Bandara Soetta dan tol dalam kota untuk iring-iringan delegasi. Mohon bersabar. #KTTASEAN2023",None),
("09-04","complaint",None,"kejebak iring2an delegasi di tol 45 menit gak gerak. telat meeting deh 😤",None),
("09-04","complaint",None,"pengalihan arus di kuningan bikin pusing, gak ada petunjuk yg jelas. macet total",None),
("09-04","casual",None,"hari pertama wfh, enak juga ga kena macet KTT ASEAN hehe",None),
("09-04","casual",None,"jalanan jakarta sepi bgt pagi ini, efek wfh KTT ASEAN kali ya. kayak lebaran",None),
("09-04","positive",None,"pagi ini lewat sudirman lancar jaya! yg wfh makasih ya 😂 #KTTASEAN2023",None),
("09-04","news","detak_nusantara","Menlu ASEAN gelar pertemuan persiapan jelang pembukaan KTT ke-43 besok. #ASEAN2023",None),
("09-04","neutral",None,"Besok pembukaan KTT ASEAN ke-43 di JCC. Katanya dibuka langsung sama Presiden Jokowi.",None),
("09-04","reply",None,"@tmc_lalin_jkt min jalan gatsu arah semanggi ditutup sampai jam berapa ya?","tmc_lalin_jkt"),
("09-04","reply","tmc_lalin_jkt","@dimas_arf Penutupan bersifat situasional mengikuti pergerakan delegasi. Silakan gunakan jalur alternatif via Kuningan.","dimas_arf"),
("09-04","casual",None,"besok opening KTT ASEAN, ada live streamingnya gak sih?",None),
("09-04","hoax","infopublik_ktt","Beredar video iring-iringan kendaraan yang disebut rombongan KTT ASEAN menabrak warga. Video tersebut adalah kejadian lama di luar negeri. #HoaksKTT #ASEAN2023",None),
("09-04","casual",None,"astaga video tabrakan itu ternyata hoaks. udah kesebar di grup keluarga duluan 🤦",None),
# 5 Sep (opening, burst)
("09-05","official","warta_asean","Hari ini Presiden Joko Widodo membuka KTT ke-43 ASEAN di Jakarta. ASEAN Matters: Epicentrum of Growth. #KTTASEAN2023 #ASEANMatters",None),
("09-05","news","kabarjakarta24","LIVE: Pembukaan KTT ke-43 ASEAN di Jakarta Convention Center. #KTTASEAN2023",None),
("09-05","news","portalberita_id","Jokowi: ASEAN harus menjadi kawasan yang damai, stabil dan sejahtera, bukan arena persaingan yang merusak. #KTTASEAN2023",None),
("09-05","news","detak_nusantara","Para pemimpin ASEAN berfoto bersama pada pembukaan KTT ke-43 di Jakarta. #ASEAN2023",None),
("09-05","news","suaraekonomi_id","KTT ASEAN bahas penguatan ketahanan pangan dan energi kawasan. #ASEANMatters",None),
("09-05","official","humas_panitia43","Pembukaan KTT ke-43 ASEAN berjalan lancar. Terima kasih atas dukungan warga Jakarta. #KTTASEAN2023",None),
("09-05","positive",None,"merinding liat pembukaan KTT ASEAN, Indonesia keren bangettt 🇮🇩🔥 #KTTASEAN2023",None),
("09-05","positive",None,"pidato pak jokowi di pembukaan KTT ASEAN mantappp. ASEAN gak boleh jadi proksi siapa pun 👏",None),
("09-05","positive",None,"bangga jadi orang Indonesia hari ini! sukses terus KTT ASEAN #ASEAN2023",None),
("09-05","positive",None,"dekorasi JCC buat KTT ASEAN bagus banget, nuansa batiknya dapet ✨",None),
("09-05","positive",None,"salut sama aparat yg jaga keamanan KTT ASEAN dari subuh. terima kasih pak 🙏",None),
("09-05","positive",None,"semoga hasil KTT ASEAN bener2 dirasain rakyat kecil, bukan cuma elit. tetap optimis",None),
("09-05","complaint",None,"macetnya ga ngotak! 2 jam dari cawang ke semanggi gara2 penutupan jalan KTT ASEAN 😡",None),
("09-05","complaint",None,"katanya wfh, kantorku tetep nyuruh masuk. ya udah nikmatin macet KTT ASEAN 🙃",None),
("09-05","complaint",None,"busway dialihin gak ada info jelas di halte, penumpang pada bingung. tolong lah diperbaiki",None),
("09-05","complaint",None,"ojol pada ngeluh, orderan di sekitar senayan anjlok. yg untung siapa coba",None),
("09-05","complaint",None,"gak ngerti kenapa harus nutup jalan segitu banyak. rakyat biasa cuma kebagian macetnya doang",None),
("09-05","casual",None,"nonton pembukaan KTT ASEAN di tv kantor, semua pada serius nyimak wkwk",None),
("09-05","casual",None,"eh itu yg pake batik biru siapa? PM mana ya? #KTTASEAN2023",None),
("09-05","casual",None,"anak2 di sekolah disuruh nonton pembukaan KTT ASEAN, lumayan belajar hubungan internasional",None),
("09-05","casual",None,"gw baru sadar logo KTT ASEAN 2023 bagus juga ya",None),
("09-05","neutral",None,"Pembukaan KTT ke-43 ASEAN dihadiri para kepala negara dan pemerintahan anggota ASEAN. Timor-Leste hadir sebagai pengamat.",None),
("09-05","neutral",None,"Isu Myanmar jadi salah satu bahasan utama di KTT ASEAN hari ini.",None),
("09-05","neutral",None,"Sidang pleno KTT ke-43 ASEAN dilanjutkan siang ini di JCC. #KTTASEAN2023",None),
("09-05","traffic","tmc_lalin_jkt","Arus lalu lintas di Jl. Gatot Subroto arah Senayan dialihkan sementara. Gunakan jalur alternatif. #KTTASEAN2023",None),
("09-05","traffic","tmc_lalin_jkt","Pukul 10.15 WIB: arus di Bundaran Senayan padat merayap akibat pengalihan. Hindari kawasan ini jika memungkinkan.",None),
("09-05","reply",None,"@tmc_lalin_jkt min dari tadi ga gerak di slipi, ada info kapan dibuka?","tmc_lalin_jkt"),
("09-05","reply",None,"@warta_asean selamat! semoga KTT-nya lancar sampe penutupan 🙏","warta_asean"),
("09-05","reply",None,"@portalberita_id setuju sama pak jokowi, ASEAN harus tetap netral","portalberita_id"),
("09-05","reply",None,"@kabarjakarta24 live streamingnya di mana min?","kabarjakarta24"),
("09-05","casual",None,"KTT ASEAN trending 1 di twitter hari ini, rame bgt TL 😆 #KTTASEAN2023",None),
("09-05","positive",None,"Indonesia bisa! jadi tuan rumah KTT ASEAN dua kali dalam setahun, keren. #IndonesiaBisa #KTTASEAN2023",None),
("09-05","complaint",None,"pengamanan KTT ASEAN lebay, mau beli makan siang aja muter jauh banget",None),
("09-05","casual",None,"temen gw yg jadi volunteer KTT ASEAN ketemu delegasi vietnam, iri parah 🤩",None),
("09-05","neutral",None,"Pertemuan bilateral di sela KTT ASEAN digelar sepanjang sore di JCC.",None),
("09-05","hoax","infopublik_ktt","Foto 'pesawat jatuh di Halim saat KTT ASEAN' yang beredar adalah HOAKS. Itu foto latihan lama. #HoaksKTT",None),
# 6 Sep
("09-06","official","warta_asean","Hari kedua KTT ke-43 ASEAN: pertemuan dengan mitra wicara, termasuk Tiongkok, Korea, Jepang dan Amerika Serikat. #ASEAN2023",None),
("09-06","news","portalberita_id","Wakil Presiden AS Kamala Harris hadir di KTT ASEAN-AS di Jakarta. #KTTASEAN2023",None),
("09-06","news","kabarjakarta24","PM Tiongkok Li Qiang hadiri KTT ASEAN-Tiongkok di Jakarta. #KTTASEAN2023",None),
("09-06","news","suaraekonomi_id","ASEAN Indo-Pacific Forum digelar di Jakarta, bahas infrastruktur dan ekonomi hijau. #ASEANMatters",None),
("09-06","news","detak_nusantara","Laut Natuna Utara dan Laut China Selatan disebut dalam sejumlah pidato pemimpin di KTT ASEAN. #ASEAN2023",None),
("09-06","positive",None,"hari kedua KTT ASEAN makin seru, forum infrastrukturnya menarik banget buat anak teknik kayak aku",None),
("09-06","positive",None,"akhirnya negara2 besar dateng semua ke jakarta. ASEAN memang penting 🌏 #ASEANMatters",None),
("09-06","complaint",None,"hari kedua masih macet juga. katanya cuma situasional, situasional apanya 😤",None),
("09-06","complaint",None,"kenapa presiden AS gak dateng sendiri? cuma kirim wapres. kurang menghargai ASEAN",None),
("09-06","complaint",None,"anak sekolah pjj lagi, orang tua yg kerja jadi repot. semoga cepet selesai deh KTT-nya",None),
("09-06","casual",None,"pagi2 udah liat iring2an mobil delegasi lewat depan kantor. sirenenya kenceng bgt",None),
("09-06","casual",None,"jadi pengen kuliah HI abis ngikutin berita KTT ASEAN",None),
("09-06","neutral",None,"Agenda hari ini: KTT ASEAN-Tiongkok, ASEAN-Korea, ASEAN-Jepang, ASEAN-AS dan ASEAN-Kanada.",None),
("09-06","reply",None,"@portalberita_id yg penting hadir, wapres juga perwakilan resmi kok","portalberita_id"),
("09-06","reply",None,"@kabarjakarta24 semoga isu laut china selatan ada jalan keluarnya","kabarjakarta24"),
("09-06","traffic","tmc_lalin_jkt","Pengalihan arus kembali berlaku di sekitar Senayan pukul 07.00-18.00 WIB. #KTTASEAN2023",None),
("09-06","casual",None,"wfh hari ketiga, mulai kangen kantor... nggak deng 😂",None),
("09-06","hoax","infopublik_ktt","Pesan berantai soal 'pemadaman listrik total di Jakarta selama KTT ASEAN' adalah hoaks. PLN memastikan pasokan listrik aman. #HoaksKTT",None),
# 7 Sep (EAS + closing)
("09-07","official","warta_asean","KTT Asia Timur ke-18 digelar hari ini di Jakarta, sekaligus penutupan rangkaian KTT ke-43 ASEAN. #KTTASEAN2023 #ASEAN2023",None),
("09-07","news","portalberita_id","PM India Narendra Modi hadir di KTT ASEAN-India di Jakarta. #KTTASEAN2023",None),
("09-07","news","kabarjakarta24","Indonesia serahkan keketuaan ASEAN 2024 kepada Laos pada penutupan KTT ke-43. #ASEAN2023",None),
("09-07","news","detak_nusantara","Jokowi tutup KTT ke-43 ASEAN, tekankan persatuan dan sentralitas ASEAN. #KTTASEAN2023",None),
("09-07","news","suaraekonomi_id","Sejumlah kesepakatan kerja sama ekonomi dicapai selama rangkaian KTT ASEAN di Jakarta. #ASEANMatters",None),
("09-07","positive",None,"KTT ASEAN selesai dengan lancar, selamat Indonesia! 🎉🇮🇩 #KTTASEAN2023",None),
("09-07","positive",None,"terima kasih petugas, relawan, polisi, semua yg kerja keras buat KTT ASEAN. kalian keren 🙏",None),
("09-07","positive",None,"estafet keketuaan ke Laos, semoga ASEAN makin solid. good job Indonesia 👍",None),
("09-07","complaint",None,"akhirnya selesai juga, semoga besok jalanan normal lagi. capek macet seminggu",None),
("09-07","complaint",None,"hasil KTT ASEAN buat rakyat kecil apa? harga beras tetep naik tuh",None),
("09-07","casual",None,"besok udah ngantor lagi ya? yah abis deh masa wfh KTT ASEAN 😭",None),
("09-07","casual",None,"KTT Asia Timur tuh beda ya sama KTT ASEAN? baru tau ada beda",None),
("09-07","neutral",None,"Keketuaan ASEAN 2024 dipegang Laos dengan tema yang akan diumumkan kemudian.",None),
("09-07","reply",None,"@kabarjakarta24 selamat laos, semoga sukses jadi ketua ASEAN 2024","kabarjakarta24"),
("09-07","traffic","tmc_lalin_jkt","Pengalihan arus di sekitar Senayan berakhir malam ini. Lalu lintas berangsur normal. Terima kasih atas kesabaran warga. #KTTASEAN2023",None),
# 8 Sep
("09-08","news","kabarjakarta24","Usai KTT ASEAN, lalu lintas Jakarta kembali normal. #KTTASEAN2023",None),
("09-08","news","suaraekonomi_id","Pengamat menilai KTT ke-43 ASEAN perkuat posisi Indonesia di kawasan, tantangannya implementasi. #ASEANMatters",None),
("09-08","positive",None,"seminggu ini belajar banyak soal ASEAN. semoga kerja samanya nyata buat kita semua",None),
("09-08","complaint",None,"balik ngantor, macet balik normal juga 🙃 rindu jalanan sepi pas KTT ASEAN",None),
("09-08","casual",None,"umbul2 ASEAN di sudirman mau dicopot kapan ya, sayang cakep",None),
("09-08","neutral",None,"Ringkasan KTT ke-43 ASEAN: isu Myanmar, ketahanan pangan, ekonomi digital, dan serah terima keketuaan ke Laos.",None),
]

# Coordinated cluster: near-identical text from several new accounts within minutes (6 Sep)
CLUSTER = [
    "KTT ASEAN ke-43 sukses besar! Indonesia tuan rumah terbaik 🇮🇩 #KTTASEAN2023 #ASEANMatters #IndonesiaBisa",
    "KTT ASEAN ke-43 sukses besar!! Indonesia tuan rumah terbaik 🇮🇩🇮🇩 #KTTASEAN2023 #ASEANMatters #IndonesiaBisa",
    "KTT ASEAN ke-43 sukses besar! Indonesia tuan rumah terbaik #KTTASEAN2023 #ASEANMatters #IndonesiaBisa 👍",
    "Sukses besar KTT ASEAN ke-43! Indonesia tuan rumah terbaik 🇮🇩 #KTTASEAN2023 #ASEANMatters #IndonesiaBisa",
    "KTT ASEAN ke-43 sukses besar! Indonesia tuan rumah terbaik 🇮🇩 #KTTASEAN2023 #IndonesiaBisa #ASEANMatters",
    "KTT ASEAN ke 43 sukses besar! Indonesia tuan rumah terbaik 🇮🇩 #KTTASEAN2023 #ASEANMatters #IndonesiaBisa",
    "KTT ASEAN ke-43 sukses besar! Indonesia memang tuan rumah terbaik 🇮🇩 #KTTASEAN2023 #ASEANMatters #IndonesiaBisa",
    "KTT ASEAN ke-43 sukses besar! Indonesia tuan rumah terbaik 🇮🇩🔥 #KTTASEAN2023 #ASEANMatters #IndonesiaBisa",
]
CLUSTER_ACCOUNTS = ["suara_nusantara01", "garuda_maju77", "pejuang_digital9", "rakyat_bangga21",
                    "nkri_jaya045", "merahputih_88x", "bela_negeri12", "indonesia_hebat3x"]
P += [
("08-29","casual",None,"KTT ASEAN di jakarta lagi? tahun ini kan indonesia ketua ASEAN ya",None),
("08-31","complaint",None,"kantor gw di sudirman, udah diwanti2 bakal susah akses minggu depan. mantap bgt 🙄",None),
("09-01","casual",None,"ada diskon hotel gak ya pas KTT ASEAN? wkwk mimpi",None),
("09-02","positive",None,"taman2 di sekitar senayan dirapihin buat KTT ASEAN, semoga dirawat terus abis acara 🌳",None),
("09-03","casual",None,"yg kerja di sekitar JCC udah dapet info akses masuk belum?",None),
("09-04","complaint",None,"ampun deh, mau ke rumah sakit aja muter2 gara2 jalan ditutup. tolong lah akses darurat dipikirin",None),
("09-04","positive",None,"seneng liat anak2 sekolah latihan nari buat nyambut delegasi KTT ASEAN 💃",None),
("09-05","casual",None,"sumpah TL isinya KTT ASEAN semua hari ini 😂",None),
("09-05","positive",None,"Jakarta jadi pusat Asia Tenggara hari ini. semoga KTT ASEAN bawa manfaat nyata 🙏 #ASEAN2023",None),
("09-05","complaint",None,"udah 3 kali diputer balik sama petugas, jalan ditutup semua. capek bangettt",None),
("09-05","casual",None,"mamahku nanya KTT itu singkatan apa, aku juga lupa 🤣 konferensi tingkat tinggi ya?",None),
("09-05","reply",None,"@ratna_sekar konferensi tingkat tinggi bu 😁","ratna_sekar"),
("09-05","positive",None,"respect buat panitia KTT ASEAN, semua tertata rapi. Indonesia bisa! #KTTASEAN2023",None),
("09-05","neutral",None,"Menurut jadwal, jamuan makan malam untuk para pemimpin ASEAN digelar malam ini.",None),
("09-05","complaint",None,"gak semua bisa wfh ya pak, yg jualan di pinggir jalan gimana nasibnya. sepi pembeli",None),
("09-05","casual",None,"lagi nungguin siaran pers KTT ASEAN, penasaran hasilnya apa aja",None),
("09-06","casual",None,"adek gw nanya kenapa sekolahnya libur, gw bilang ada tamu penting dateng wkwk",None),
("09-06","positive",None,"forum ekonomi di sela KTT ASEAN banyak bahas UMKM, semoga beneran ngaruh ke pelaku usaha kecil 🤞",None),
("09-06","complaint",None,"sirene iring2an delegasi dari pagi sampe malem, pusing kepala",None),
("09-07","casual",None,"last day KTT ASEAN, siapa yg sedih wfh-nya udahan? 🙋",None),
("09-07","positive",None,"mantappp Indonesia, tuan rumah yg baik. semoga ASEAN makin kompak ke depannya 🤝",None),
("09-07","neutral",None,"Dokumen hasil KTT ke-43 ASEAN akan dipublikasikan di laman resmi sekretariat ASEAN.",None),
("09-08","casual",None,"kangen suasana KTT ASEAN, jalanan rapi banyak bendera",None),
("09-08","complaint",None,"abis acara gede, sampah umbul2 numpuk di pinggir jalan. siapa yg beresin nih",None),
]

import csv
import datetime as dt
import random
import sys
from pathlib import Path

rng = random.Random(43)
WIB = dt.timezone(dt.timedelta(hours=7))
EPOCH = 1288834974657
EN = [
    ("09-05", "news", "asean_watch_en", "Leaders gather in Jakarta as Indonesia opens the 43rd ASEAN Summit. #ASEAN2023 #ASEANMatters"),
    ("09-06", "news", "asean_watch_en", "US Vice President Kamala Harris meets ASEAN leaders in Jakarta. #ASEAN2023"),
    ("09-07", "news", "asean_watch_en", "Indonesia hands the 2024 ASEAN chairmanship to Laos as the Jakarta summit closes. #ASEAN2023"),
]
CASUAL = ["rinaa_ws", "gilang_prtm", "dimas_arf", "bang_jali88", "nadiaa_putri", "yogaaa_s", "sari_ningsih",
          "kopi_senja_", "anakjaksel_", "tante_ros", "fajar_ojol", "mbak_kantoran", "ucup_bekasi", "lina_hi_ui",
          "rizky_teknik", "ibu_dua_anak", "budi_santoso_", "ayu_jkt48fans", "dewi_lestari_", "arif_depok",
          "novi_tangsel", "hendra_supir", "putri_rahma", "agus_wfh", "mas_bro_id", "cindy_cnd", "bayu_sktr",
          "intan_pm", "joko_warung", "tia_mahasiswi"]
LOCS = ["Jakarta", "Jakarta Selatan", "Bekasi", "Depok", "Tangerang Selatan", "Bogor", "DKI Jakarta", "", "", "Indonesia"]
uid = {}
def user_id(name):
    if name not in uid:
        uid[name] = str(rng.randrange(10**8, 10**18))
    return uid[name]

# hour-of-day weights in WIB (a daily rhythm: morning commute, lunch, evening peak)
HOURS = [1, 0.5, 0.3, 0.3, 0.5, 1.5, 3, 5, 6, 5, 4, 4, 5, 4, 3.5, 3.5, 4, 4.5, 5.5, 6.5, 7, 6, 4, 2]
def draw_time(day, burst=False):
    if burst:  # opening of the summit: morning of 5 Sep WIB
        h = rng.choices(range(7, 14), weights=[1, 4, 6, 5, 3, 2, 1.5])[0]
    else:
        h = rng.choices(range(24), weights=HOURS)[0]
    m, s = rng.randrange(60), rng.randrange(60)
    mo, d = map(int, day.split("-"))
    return dt.datetime(2023, mo, d, h, m, s, tzinfo=WIB)

def snowflake(t):
    ms = int(t.timestamp() * 1000) + rng.randrange(1000)
    return str(((ms - EPOCH) << 22) | rng.randrange(1 << 22))

casual_cycle = iter(rng.sample(CASUAL, len(CASUAL)) * 10)
posts = []
by_day = {}
for i, (day, reg, author, text, reply_to) in enumerate(P):
    by_day.setdefault(day, []).append((i, reg, author, text, reply_to))
# fixed authors for texts that replies point to
FIXED = {"@tmc_lalin_jkt min, busway": "rinaa_ws", "mamahku nanya KTT": "ratna_sekar", "kenapa sih harus di tengah kota": "gilang_prtm",
         "@tmc_lalin_jkt min jalan gatsu": "dimas_arf"}
for day in sorted(by_day):
    items = by_day[day] + [(None, r, a, t, None) for d, r, a, t in EN if d == day]
    burst = day == "09-05"
    times = sorted(draw_time(day, burst=burst and rng.random() < 0.75) for _ in items)
    for (i, reg, author, text, reply_to), t in zip(items, times):
        if author is None:
            author = next((v for k, v in FIXED.items() if text.startswith(k)), None) or next(casual_cycle)
        posts.append(dict(time=t, author=author, text=text, reply_to=reply_to, reg=reg,
                          lang="en" if author == "asean_watch_en" else "in"))

# retweet cascades of a few popular posts (hours after the original)
def find(prefix):
    return next(p for p in posts if p["text"].startswith(prefix))
for prefix, n in [("Hari ini Presiden Joko Widodo membuka", 7), ("Jokowi: ASEAN harus menjadi", 5),
                  ("HOAKS: beredar pesan berantai", 4), ("Arus lalu lintas di Jl. Gatot Subroto", 3),
                  ("Indonesia serahkan keketuaan", 3)]:
    orig = find(prefix)
    orig["retweets"] = n
    for k in range(n):
        t = orig["time"] + dt.timedelta(minutes=rng.randrange(2, 30) * (k + 1))
        posts.append(dict(time=t, author=next(casual_cycle), text=f"RT @{orig['author']}: {orig['text']}",
                          reply_to=None, reg="retweet", lang="in", rt_of=orig))
# coordinated cluster: 8 accounts within ~6 minutes, 6 Sep 10:12 WIB
t0 = dt.datetime(2023, 9, 6, 10, 12, 0, tzinfo=WIB)
for k, (acct, text) in enumerate(zip(CLUSTER_ACCOUNTS, CLUSTER)):
    t = t0 + dt.timedelta(seconds=rng.randrange(20, 50) * k)
    posts.append(dict(time=t, author=acct, text=text, reply_to=None, reg="cluster", lang="in"))

posts.sort(key=lambda p: p["time"])
for p in posts:
    p["id"] = snowflake(p["time"])
last_by_author = {}
for p in posts:
    conv = p["id"]
    if p["reply_to"]:
        parent = last_by_author.get(p["reply_to"])
        conv = parent["conv"] if parent else p["id"]
    p["conv"] = conv
    last_by_author[p["author"]] = p

rows = []
for p in sorted(posts, key=lambda p: p["time"], reverse=True):  # tweet-harvest writes newest first
    reg = p["reg"]
    if reg in ("official", "news", "traffic", "hoax"):
        likes, rts = rng.randrange(20, 900), rng.randrange(5, 300)
    elif reg == "cluster":
        likes, rts = rng.randrange(0, 3), 0
    elif reg == "retweet":
        likes, rts = 0, p["rt_of"].get("retweets", 1)
    else:
        likes, rts = rng.choice([0, 0, 1, 2, 3, 5, 8, 13, 40, 120]), rng.choice([0, 0, 0, 1, 2, 6])
    if "retweets" in p:
        rts = max(rts, p["retweets"])
    rows.append({
        "conversation_id_str": p["conv"],
        "created_at": p["time"].astimezone(dt.timezone.utc).strftime("%a %b %d %H:%M:%S +0000 %Y"),
        "favorite_count": likes,
        "full_text": p["text"],
        "id_str": p["id"],
        "image_url": "",
        "in_reply_to_screen_name": p["reply_to"] or "",
        "lang": p["lang"],
        "location": rng.choice(LOCS) if reg not in ("official", "news", "traffic", "hoax") else "Jakarta",
        "quote_count": rng.choice([0, 0, 0, 1]) if reg in ("official", "news") else 0,
        "reply_count": rng.randrange(0, 40) if reg in ("official", "news", "traffic") else rng.choice([0, 0, 1]),
        "retweet_count": rts,
        "tweet_url": f"https://x.com/{p['author']}/status/{p['id']}",
        "user_id_str": user_id(p["author"]),
        "username": p["author"],
    })
OUT = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[1] / "trendlib" / "data" / "sample_asean_2023.csv")
with open(OUT, "w", newline="", encoding="utf-8") as fh:
    w = csv.DictWriter(fh, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
print(len(rows), "rows")
