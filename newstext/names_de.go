package newstext

// German capitalises every noun, so a capitalised word is a name only on
// further evidence; the lists say which capitalised words are surely not
// names. nouns are frequent nouns of news prose in their base form (the
// finder also strips plural and case endings and reads compounds by their
// last part, so Verhandlungsrunde is a Runde).
var germanNames = &NameLists{
	lang:             "de",
	capitalisesNouns: true,
	function: wordSet(`der die das den dem des ein eine einen einem einer eines kein keine keinen
		und oder aber denn sondern doch jedoch sowie als wie wenn weil dass ob obwohl während
		nachdem bevor damit sodass also
		in im ins an am ans auf aus bei beim mit nach seit von vom vor zu zum zur über unter
		um durch für gegen ohne bis neben zwischen hinter laut trotz wegen gegenüber
		er sie es wir ihr ich du man sich ihm ihn ihnen uns euch
		sein seine seinen seinem seiner ihre ihren ihrem ihrer unser unsere
		dieser diese dieses diesen diesem jener jene alle allen aller jeder jede jedes
		andere anderen mehrere einige viele beide beiden
		nicht auch noch schon nur sehr mehr weniger bereits dann danach zuvor dabei dort hier
		heute gestern morgen jetzt nun zudem außerdem ebenfalls allerdings dennoch trotzdem
		so da wo was wer wann warum wie welche welcher welches
		ist sind war waren wird werden wurde wurden hat haben hatte hatten habe sei seien
		kann können konnte soll sollen sollte muss müssen will wollen
		erste ersten zweite zweiten letzte letzten neue neuen neuer
		ja nein etwa rund fast knapp gut mal`),
	calendar: wordSet(`morgen vormittag mittag nachmittag abend nacht mitternacht woche wochen
		wochenende monat monate monats jahr jahre jahres jahren tag tage tages tagen vortag
		frühjahr frühling sommer herbst winter uhr`),
	personTitles: wordSet(`herr herrn frau dr prof professor
		präsident präsidentin bundespräsident kanzler kanzlerin bundeskanzler bundeskanzlerin
		minister ministerin außenminister außenministerin vizeaußenminister vizeaußenministerin
		verteidigungsminister innenminister finanzminister premierminister ministerpräsident
		staatssekretär staatssekretärin vizeministerin vizeminister
		sprecher sprecherin regierungssprecher kremlsprecher botschafter botschafterin
		diplomat diplomatin unterhändler unterhändlerin chefunterhändler chefunterhändlerin
		vertreter vertreterin gesandte gesandter sondergesandte sondergesandter
		generalsekretär generalsekretärin vorsitzende vorsitzender chef chefin
		direktor direktorin leiter leiterin delegationsleiter delegationsleiterin
		senator senatorin abgeordnete abgeordneter bürgermeister bürgermeisterin
		richter richterin oberst general papst könig königin prinz prinzessin amtskollege amtskollegin`),
	orgWords: wordSet(`ag gmbh se kg ev mbh ministerium außenministerium amt auswärtiges
		agentur organisation rat kommission union nationen parlament bundestag regierung
		bank fonds gericht partei armee universität institut stiftung komitee gruppe kreml`),
	particles: wordSet(`von vom van der den de zu zur di da del`),
	nouns: wordSet(`gespräch gesprach verhandlung runde treffen sitzung konferenz gipfel besuch reise
		delegation delegationen teilnehmer seite seiten partner vertreter
		sicherheit stabilität frage fragen problem thema themen punkt ergebnis ergebnisse
		fortschritt schritt schritte ziel ziele lage krise krieg frieden streit konflikt
		waffe waffen rüstung abrüstung rüstungskontrolle kontrolle vertrag verträge abkommen
		garantie garantien forderung forderungen vorschlag vorschläge entwurf entwürfe
		land länder staat staaten volk stadt städte hauptstadt grenze region welt
		regierung ministerium behörde beamte beamten beamter politik politiker diplomatie
		diplomaten minister präsident sprecher botschaft mission vertretung sitz
		nachrichten nachricht agentur zeitung bericht berichte angaben angabe quelle quellen
		erklärung mitteilung interview aussage aussagen worte wort zitat rede
		tag woche monat jahr zeit stunde stunden minute minuten morgen abend nacht mittag
		beginn anfang ende mitte auftakt abschluss
		dialog dialoge austausch kontakt kontakte beziehung beziehungen
		atomwaffen raum weltraum technologie technologien intelligenz cyberraum
		truppe truppen soldat soldaten militär manöver angriff invasion spannung spannungen
		folge folgen konsequenz konsequenzen weg wege wahl wahlen
		mensch menschen leute bürger frau mann kind kinder familie
		hotel gebäude haus saal tisch essen abendessen arbeitsessen mittagessen foto fotos bild bilder
		geld euro dollar prozent zahl million millionen milliarde milliarden
		wirtschaft handel energie gas öl markt unternehmen firma
		recht rechte gesetz gericht polizei armee
		meinung ansicht hoffnung erwartung erwartungen sorge sorgen interesse interessen
		entscheidung beschluss plan pläne strategie programm
		demokratie republik kritik opposition partei parteien
		ort orte platz zentrum umgebung nähe
		teil teile art weise fall fälle grund gründe mittel
		weltkrieg vereinbarung einigung lösung lösungen`),
	nounEndings: []string{"ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften",
		"tion", "tionen", "ität", "itäten", "ismus", "nisse", "tum", "tümer", "gespräche", "gespräch"},
}
