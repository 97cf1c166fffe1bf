package newstext

// French: nouns are lower case, so a capitalised word inside a sentence is
// a name unless it is one of these.
var frenchNames = &NameLists{
	lang: "fr",
	function: wordSet(`le la les l un une des du de d au aux à a en dans sur sous par pour avec sans
		chez entre vers contre depuis pendant avant après selon malgré lors dès jusqu jusque
		et ou mais donc or ni car que qu qui quoi dont où si comme quand lorsque puisque
		ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs
		il elle ils elles on nous vous je tu se lui eux y c ça cela ceci celui celle ceux celles
		tout tous toute toutes autre autres même mêmes chaque plusieurs quelques aucun aucune
		ne pas plus moins très aussi encore déjà toujours jamais ainsi alors puis enfin cependant
		pourtant toutefois néanmoins ensuite aujourd hier demain désormais d'abord selon
		est sont était étaient sera seront a ont avait avaient aura auront été être avoir
		fait font dit disent doit doivent peut peuvent va vont
		oui non voici voilà là ici également notamment surtout seulement environ près
		premier première deuxième second seconde dernier dernière nouveau nouvelle nouveaux
		lundi mardi mercredi jeudi vendredi samedi dimanche
		affaires étrangères état
		russe russes américain américains américaine américaines français française allemand allemands
		allemande britannique britanniques suédois suédoise européen européens européenne européennes
		chinois ukrainien ukrainiens occidentaux`),
	// Months and weekdays are written in lower case: a capitalised one
	// inside a sentence is a name (Mars the planet, Mai the name).
	calendarLower: true,
	calendar: wordSet(`matin soir après-midi midi minuit nuit semaine mois année an veille lendemain
		printemps été automne hiver`),
	personTitles: wordSet(`m mm mme mmes mlle monsieur madame messieurs dr docteur pr professeur me maître
		président présidente ministre vice-ministre premier-ministre secrétaire sous-secrétaire
		ambassadeur ambassadrice porte-parole chef directeur directrice général générale
		chancelier chancelière diplomate négociateur négociatrice émissaire envoyé envoyée
		adjoint adjointe vice-président vice-présidente représentant représentante
		homologue conseiller conseillère sénateur sénatrice député députée maire juge colonel
		pape roi reine prince princesse`),
	orgWords: wordSet(`sa sas sarl ministère agence organisation office conseil commission union
		nations parlement assemblée gouvernement banque fonds cour tribunal parti armée
		université institut fondation comité département groupe société compagnie kremlin`),
	particles: wordSet(`de du des la le d von van der den da di del`),
	elisions:  []string{"l'", "d'", "qu'", "j'", "n'", "s'", "c'", "m'", "t'", "jusqu'", "lorsqu'", "puisqu'"},
}
