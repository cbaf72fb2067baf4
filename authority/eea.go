package authority

import "github.com/article30/article30/lawfulbasis"

// dir is how Source cites the datenanfragen.de directory of supervisory
// authorities: the datenanfragen/data repository, supervisory-authorities/,
// at commit 0a29c3d6 (21 July 2026). Each of its records cites the
// authority's own page it was taken from.
const dir = "datenanfragen/data supervisory-authorities/"

// Confidence labels, shortened for the table.
const (
	confirmed    = lawfulbasis.Confirmed
	corroborated = lawfulbasis.Corroborated
	unconfirmed  = lawfulbasis.Unconfirmed
)

// eea is the national supervisory authority of each EEA state, sorted by
// code. A detail is filled in only if it was read on the authority's own
// page (Confirmed) or two independent secondary sources agree on it
// (Corroborated); otherwise it is empty. Where only the name and website
// could be had, from the directory, the entry is Unconfirmed. The EDPB
// members page was not in the stored copies searched.
var eea = []Authority{
	{Code: "at", Country: "Austria", Name: "Austrian Data Protection Authority", LocalName: "Österreichische Datenschutzbehörde", Short: "DSB",
		Address: "Barichgasse 40-42, 1030 Wien", Website: "https://www.dsb.gv.at", Email: "dsb@dsb.gv.at", Phone: "+43 1 52 152-0",
		Source: "https://www.dsb.gv.at/ueber-die-website/datenschutzerklaerung.html", Confidence: confirmed},
	// Address and phone on the authority's privacy statement; the e-mail
	// address from GDPRhub's page on the APD/GBA and the directory (beapd).
	{Code: "be", Country: "Belgium", Name: "Belgian Data Protection Authority",
		LocalName: "Autorité de protection des données / Gegevensbeschermingsautoriteit", Short: "APD/GBA",
		Address: "Rue de la Presse 35, 1000 Brussels", Website: "https://www.dataprotectionauthority.be", Email: "contact@apd-gba.be", Phone: "+32 2 274 48 00",
		Source:     "https://www.dataprotectionauthority.be/privacy-statement; e-mail: gdprhub.eu APD/GBA (Belgium) and " + dir + "beapd.json",
		Confidence: corroborated},
	// No telephone number on the pages read; the Bulgarian name was not
	// confirmed.
	{Code: "bg", Country: "Bulgaria", Name: "Commission for Personal Data Protection", Short: "CPDP",
		Address: "2 Prof. Tsvetan Lazarov Blvd., Sofia 1592", Website: "https://www.cpdp.bg", Email: "kzld@cpdp.bg",
		Source: "https://cpdp.bg/en/?p=pages&aid=56; https://cpdp.bg/en/?p=pages&aid=51", Confidence: confirmed},
	// Contact details not confirmed: no page of the authority was found,
	// and the sources for its Greek name disagree.
	{Code: "cy", Country: "Cyprus", Name: "Commissioner for Personal Data Protection",
		Website: "https://www.dataprotection.gov.cy",
		Source:  dir + "cydp.json (name and website only)", Confidence: unconfirmed},
	// The authority's new website (uoou.gov.cz, in trial operation when
	// read; the old one is at old.uoou.cz).
	{Code: "cz", Country: "Czechia", Name: "Office for Personal Data Protection", LocalName: "Úřad pro ochranu osobních údajů", Short: "ÚOOÚ",
		Address: "Pplk. Sochora 27, 170 00 Praha 7", Website: "https://uoou.gov.cz", Email: "posta@uoou.gov.cz", Phone: "+420 234 665 111",
		Source: "https://uoou.gov.cz/informace-ochrana-soukromi", Confidence: confirmed},
	// The federal authority only; the Länder authorities are not listed
	// (package documentation).
	{Code: "de", Country: "Germany", Name: "Federal Commissioner for Data Protection and Freedom of Information",
		LocalName: "Bundesbeauftragte für den Datenschutz und die Informationsfreiheit", Short: "BfDI",
		Address: "Graurheindorfer Str. 153, 53117 Bonn", Website: "https://www.bfdi.bund.de", Email: "poststelle@bfdi.bund.de", Phone: "+49 228 997799-0",
		Source: "https://www.bfdi.bund.de/EN/Meta/PrivacyPolicy/privacypolicy_node.html", Confidence: confirmed},
	{Code: "dk", Country: "Denmark", Name: "Danish Data Protection Agency", LocalName: "Datatilsynet",
		Address: "Carl Jacobsens Vej 35, 2500 Valby", Website: "https://www.datatilsynet.dk", Email: "dt@datatilsynet.dk", Phone: "+45 33 19 32 00",
		Source:     "https://admin.datatilsynet.dk/english/privacy-policy; https://www.datatilsynet.dk/english/the-danish-data-protection-agency/contact/",
		Confidence: confirmed},
	// No general e-mail address on the page read.
	{Code: "ee", Country: "Estonia", Name: "Data Protection Inspectorate", LocalName: "Andmekaitse Inspektsioon", Short: "AKI",
		Address: "Tatari 39, 10134 Tallinn", Website: "https://www.aki.ee", Phone: "+372 627 4135",
		Source: "https://www.aki.ee/en/privacy-policy", Confidence: confirmed},
	// Contact details not confirmed: no page of the authority was found.
	{Code: "es", Country: "Spain", Name: "Spanish Data Protection Agency", LocalName: "Agencia Española de Protección de Datos", Short: "AEPD",
		Website: "https://www.aepd.es",
		Source:  dir + "esaepa.json (name and website only)", Confidence: unconfirmed},
	// The postal address (the office is at Lintulahdenkuja 4, 00530
	// Helsinki). The Finnish name is the directory's (fitst).
	{Code: "fi", Country: "Finland", Name: "Office of the Data Protection Ombudsman", LocalName: "Tietosuojavaltuutetun toimisto",
		Address: "PL 800, 00531 Helsinki", Website: "https://tietosuoja.fi", Email: "tietosuoja@om.fi", Phone: "+358 29 566 6700",
		Source: "https://tietosuoja.fi/en/contact-information; https://tietosuoja.fi/sv/kontaktuppgifter", Confidence: confirmed},
	// The address as the brief gives it, confirmed by dpo-partage.fr and the
	// directory (frcnil, citing the CNIL's contact page); CNIL's own page
	// was not found. CNIL takes complaints and questions through web forms;
	// no e-mail address or telephone number was confirmed.
	{Code: "fr", Country: "France", Name: "National Commission on Informatics and Liberty",
		LocalName: "Commission nationale de l'informatique et des libertés", Short: "CNIL",
		Address: "3 Place de Fontenoy, TSA 80715, 75334 Paris Cedex 07", Website: "https://www.cnil.fr",
		Source:     "https://www.dpo-partage.fr/comment-joindre-la-cnil/; " + dir + "frcnil.json (citing https://www.cnil.fr/fr/contacter-la-cnil-standard-et-permanences-telephoniques)",
		Confidence: corroborated},
	// The two sources give different e-mail addresses (contact@ and
	// complaints@), so none is given.
	{Code: "gr", Country: "Greece", Name: "Hellenic Data Protection Authority", LocalName: "Αρχή Προστασίας Δεδομένων Προσωπικού Χαρακτήρα", Short: "HDPA",
		Address: "Kifisias Av. 1-3, 115 23 Athens", Website: "https://www.dpa.gr", Phone: "+30 210 6475 600",
		Source: "gdprhub.eu HDPA (Greece); " + dir + "grdpa.json", Confidence: corroborated},
	// No telephone number on the page read.
	{Code: "hr", Country: "Croatia", Name: "Personal Data Protection Agency", LocalName: "Agencija za zaštitu osobnih podataka", Short: "AZOP",
		Address: "Selska cesta 136, 10000 Zagreb", Website: "https://azop.hr", Email: "azop@azop.hr",
		Source: "https://azop.hr/zahtjev-za-utvrdivanje-povrede-prava/", Confidence: confirmed},
	// Contact details not confirmed: the authority's contact page was not
	// found.
	{Code: "hu", Country: "Hungary", Name: "National Authority for Data Protection and Freedom of Information",
		LocalName: "Nemzeti Adatvédelmi és Információszabadság Hatóság", Short: "NAIH",
		Website: "https://www.naih.hu",
		Source:  "https://www.naih.hu (name); " + dir + "hunaih.json (name and website only)", Confidence: unconfirmed},
	// Also at Canal House, Station Road, Portarlington, Co. Laois, R32 AP23.
	// No general e-mail address or telephone number on the page read.
	{Code: "ie", Country: "Ireland", Name: "Data Protection Commission", Short: "DPC",
		Address: "21 Fitzwilliam Square South, Dublin 2, D02 RD28", Website: "https://www.dataprotection.ie",
		Source: "https://dataprotection.ie/en/about-our-site/data-protection-statement", Confidence: confirmed},
	// Persónuvernd's own pages, now on island.is, give Laugavegur 166; the
	// directory's Rauðarárstígur 10 is out of date.
	{Code: "is", Country: "Iceland", Name: "Icelandic Data Protection Authority", LocalName: "Persónuvernd",
		Address: "Laugavegur 166, 4th floor, 105 Reykjavík", Website: "https://www.personuvernd.is", Email: "postur@personuvernd.is", Phone: "+354 510 9600",
		Source: "https://island.is/en/o/the-data-protection-authority/data-protection-policy", Confidence: confirmed},
	// The certified e-mail (PEC) address in the directory was not
	// corroborated.
	{Code: "it", Country: "Italy", Name: "Italian Data Protection Authority", LocalName: "Garante per la protezione dei dati personali", Short: "Garante",
		Address: "Piazza Venezia 11, 00187 Roma", Website: "https://www.garanteprivacy.it", Phone: "+39 06 696771",
		Source: "gdprhub.eu Garante per la protezione dei dati personali (Italy); " + dir + "itgpdp.json", Confidence: corroborated},
	// Contact details not confirmed: no page of the authority was found.
	{Code: "li", Country: "Liechtenstein", Name: "Liechtenstein Data Protection Authority", LocalName: "Datenschutzstelle", Short: "DSS",
		Website: "https://www.datenschutzstelle.li",
		Source:  dir + "lidss.json (name and website only)", Confidence: unconfirmed},
	{Code: "lt", Country: "Lithuania", Name: "State Data Protection Inspectorate", LocalName: "Valstybinė duomenų apsaugos inspekcija", Short: "VDAI",
		Address: "L. Sapiegos g. 17, 10312 Vilnius", Website: "https://vdai.lrv.lt", Email: "ada@ada.lt", Phone: "+370 5 271 2804",
		Source: "https://vdai.lrv.lt/privatumo-politika", Confidence: confirmed},
	{Code: "lu", Country: "Luxembourg", Name: "National Data Protection Commission", LocalName: "Commission nationale pour la protection des données", Short: "CNPD",
		Address: "15, Boulevard du Jazz, L-4370 Belvaux", Website: "https://cnpd.public.lu", Email: "info@cnpd.lu", Phone: "+352 26 10 60-1",
		Source: "https://cnpd.public.lu/en/support/protection-des-donnees.html", Confidence: confirmed},
	{Code: "lv", Country: "Latvia", Name: "Data State Inspectorate", LocalName: "Datu valsts inspekcija", Short: "DVI",
		Address: "Elijas iela 17, Rīga, LV-1050", Website: "https://www.dvi.gov.lv", Email: "pasts@dvi.gov.lv", Phone: "+371 67 223 131",
		Source: "https://www.dvi.gov.lv/lv/viegli-lasit-0", Confidence: confirmed},
	// Address and e-mail on the authority's own notice; the telephone
	// number from GDPRhub's page on the IDPC and the directory (mtidpc).
	{Code: "mt", Country: "Malta", Name: "Office of the Information and Data Protection Commissioner", Short: "IDPC",
		Address: "Floor 2, Airways House, High Street, Sliema SLM 1549", Website: "https://idpc.org.mt", Email: "idpc.info@idpc.org.mt", Phone: "+356 2328 7100",
		Source: "https://idpc.org.mt/data-protection-notice; telephone: gdprhub.eu IDPC (Malta) and " + dir + "mtidpc.json", Confidence: corroborated},
	// The postal address (PO box); the free telephone number the AP gives
	// for questions before a complaint.
	{Code: "nl", Country: "Netherlands", Name: "Dutch Data Protection Authority", LocalName: "Autoriteit Persoonsgegevens", Short: "AP",
		Address: "Postbus 93374, 2509 AJ Den Haag", Website: "https://autoriteitpersoonsgegevens.nl", Phone: "+31 88 1805 250",
		Source: "https://www.autoriteitpersoonsgegevens.nl/en/node/4190; https://autoriteitpersoonsgegevens.nl/nl/voordat-u-een-klacht-indient", Confidence: confirmed},
	// The postal address on the authority's complaints page; the telephone
	// number from GDPRhub's page on Datatilsynet and the directory (nods).
	{Code: "no", Country: "Norway", Name: "Norwegian Data Protection Authority", LocalName: "Datatilsynet",
		Address: "Postboks 458 Sentrum, 0105 Oslo", Website: "https://www.datatilsynet.no", Phone: "+47 22 39 69 00",
		Source:     "https://www.datatilsynet.no/en/about-us/contact-us/how-to-complain-to-the-norwegian-dpa/; telephone: gdprhub.eu Datatilsynet (Norway) and " + dir + "nods.json",
		Confidence: corroborated},
	// activemind.legal's page on the Polish authority and the directory
	// (plgiodo) agree; the authority's own contact page was not found.
	{Code: "pl", Country: "Poland", Name: "Personal Data Protection Office", LocalName: "Urząd Ochrony Danych Osobowych", Short: "UODO",
		Address: "ul. Stawki 2, 00-193 Warszawa", Website: "https://uodo.gov.pl", Phone: "+48 22 531 03 00",
		Source: "https://www.activemind.legal/law/pl-supervisory-authorities/; " + dir + "plgiodo.json", Confidence: corroborated},
	// Contact details not confirmed: the authority's contact page was not
	// found.
	{Code: "pt", Country: "Portugal", Name: "National Data Protection Commission", LocalName: "Comissão Nacional de Proteção de Dados", Short: "CNPD",
		Website: "https://www.cnpd.pt",
		Source:  dir + "ptcnpd.json (name and website only)", Confidence: unconfirmed},
	{Code: "ro", Country: "Romania", Name: "National Supervisory Authority for Personal Data Processing",
		LocalName: "Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal", Short: "ANSPDCP",
		Address: "28-30 G-ral. Gheorghe Magheru Blvd., Sector 1, Bucharest", Website: "https://www.dataprotection.ro", Email: "anspdcp@dataprotection.ro", Phone: "+40 31 805 9211",
		Source: "https://dataprotection.ro/index.jsp?lang=en&page=Informare_protectia_datelor_conf_GDPR", Confidence: confirmed},
	// No telephone number or e-mail address on the page read.
	{Code: "se", Country: "Sweden", Name: "Swedish Authority for Privacy Protection", LocalName: "Integritetsskyddsmyndigheten", Short: "IMY",
		Address: "Box 8114, 104 20 Stockholm", Website: "https://www.imy.se",
		Source: "https://www.imy.se/en/about-us/temporary-problems-with-our-e-services/", Confidence: confirmed},
	// The authority's catalogue gives "Dunajska 22, Ljubljana"; the street
	// name in full and the postcode are the directory's (siiprs).
	{Code: "si", Country: "Slovenia", Name: "Information Commissioner of the Republic of Slovenia", LocalName: "Informacijski pooblaščenec", Short: "IP",
		Address: "Dunajska cesta 22, 1000 Ljubljana", Website: "https://www.ip-rs.si",
		Source: "https://www.ip-rs.si/informacije-javnega-značaja/katalog-ijz-informacijskega-pooblaščenca; " + dir + "siiprs.json", Confidence: corroborated},
	// No telephone number on the page read.
	{Code: "sk", Country: "Slovakia", Name: "Office for Personal Data Protection of the Slovak Republic",
		LocalName: "Úrad na ochranu osobných údajov Slovenskej republiky",
		Address:   "Hraničná 12, 820 07 Bratislava", Website: "https://dataprotection.gov.sk", Email: "statny.dozor@pdp.gov.sk",
		Source: "https://dataprotection.gov.sk/sk/oznamenie-o-ochrane-udajov/", Confidence: confirmed},
}

// init sets the regime of every EEA authority: the GDPR (in Iceland,
// Liechtenstein and Norway through the EEA Agreement).
func init() {
	for i := range eea {
		eea[i].Regime = lawfulbasis.EU
	}
}
