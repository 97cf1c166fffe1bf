package quote

import (
	"strings"
	"unicode"

	"github.com/storyline-news/storyline/newstext"
	"golang.org/x/text/unicode/norm"
)

// foldASCII lower-cases s, strips diacritics and turns anything that is not
// a letter, digit or apostrophe into a space.
func foldASCII(s string) string {
	if !isASCII(s) {
		s = norm.NFD.String(strings.ToValidUTF8(s, " "))
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '’' || r == '\'' || r == '‘':
			b.WriteByte('\'')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '.' || r == '-':
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// compatibleNames says whether two speaker names may name the same speaker:
// equal keys, or one's words all found in the other's (Ryabkov and Sergei
// Ryabkov).
func compatibleNames(a, b string) bool {
	return compatibleKeys(newstext.NameKey(a), newstext.NameKey(b))
}

func compatibleKeys(ka, kb string) bool {
	if ka == "" || kb == "" {
		return true
	}
	if ka == kb {
		return true
	}
	wa, wb := strings.Fields(ka), strings.Fields(kb)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	return newstext.WordsWithin(wa, wb)
}

// Genders of names, as far as a first name or an honorific says.
const (
	genderUnknown = iota
	genderMale
	genderFemale
)

var femaleNames = wordSet(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
	kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela
	shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather
	diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline
	martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn
	danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori wendy bonnie livia ursula angela
	theresa hillary kamala nancy condoleezza madeleine samantha linda jacinda ursula kaja annalena christine federica mette sanna
	marine giorgia liz nikki tulsi elise kristi karine jen victoria valentina maria svetlana olga irina tatiana natalia elena yulia
	ekaterina anastasia marina galina lyudmila larisa oksana alla zakharova indira benazir golda angela theresa ségolène segolene
	anne sylvie isabelle nathalie sophie brigitte agnès agnes hélène helene claire camille julia ana sofia lucia carmen pilar
	fatima aisha leila layla yasmin mariam amina tara regina yvonne stephenie rosa dawn kellie deborah bettie paula audrey kristen
	betsy francesca bonnie wendy kathy katie kate jane janet joanne jo lucy molly sally ellen eleanor rose peggy nora tina
	yolanda gwen beth`)

var maleNames = wordSet(`james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony mark
	donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric
	jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler
	aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean
	austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy
	roy vincent ralph eugene russell bobby mason philip louis antony tony joseph barack bill jimmy ronald dwight lyndon emmanuel
	olaf boris rishi keir vladimir sergei sergey serguei dmitry dmitri dmitriy mikhail alexei aleksei alexey alexandr aleksandr
	alexander nikolai nikolay ivan igor oleg yuri yury viktor victor vyacheslav volodymyr petro andriy andrei andrey maxim maksim
	pavel konstantin valery valeri anatoly leonid grigory evgeny yevgeny gennady vasily fyodor ramzan recep xi li wang jens
	josep charles emmanuel francois françois jacques nicolas jean-yves pierre olivier mohammed muhammad ahmed ali hassan hussein
	abdullah omar khalid ibrahim mahmoud benjamin yair naftali bashar hamad tamim salman hugh bob ted tom jim mike dave dan
	steve ed theo tim al ben sam nick matt lou andy rob ron don doug greg jeff josh phil rick ray stan vince marty dominic elijah
	vincent marcus luke hal herman dirk gerard simon chuck drew reggie brady emanuel wladimir vitali giorgos yiannis jens
	olli hank jake ollie`)

var femaleWords = wordSet(`she her hers herself mrs ms miss madam madame mme spokeswoman chairwoman congresswoman businesswoman woman
	lady queen princess duchess sister mother daughter wife actress`)
var maleWords = wordSet(`he him his himself mr sir spokesman chairman congressman businessman man lord king prince duke brother father
	son husband actor`)

func nameGender(first string) int {
	w := strings.ToLower(strings.TrimSuffix(strings.TrimSuffix(first, "'s"), "’s"))
	switch {
	case femaleNames[w], femaleWords[w]:
		return genderFemale
	case maleNames[w], maleWords[w]:
		return genderMale
	}
	return genderUnknown
}

// Pronouns that can stand for a speaker, by what they can stand for.
var personPronouns = map[string]int{"he": genderMale, "she": genderFemale}

// "it" stands for an organisation; "they" is left alone, as it names
// groups of people as often as organisations.
var groupPronouns = wordSet("it")

// Nouns that head a description of a speaker ("the Russian diplomat",
// "the ministry").
var personNouns = wordSet(`diplomat diplomats minister official officials spokesman spokeswoman spokesperson president secretary envoy
	ambassador negotiator leader chief head director adviser advisor aide senator congressman congresswoman lawmaker governor mayor
	general commander chancellor premier king queen prince counterpart deputy representative undersecretary under-secretary
	foreign-minister prosecutor judge lawyer attorney analyst expert researcher professor economist chairman chairwoman ceo
	founder candidate politician legislator diplomat envoy emissary delegate negotiators source sources witness resident residents
	activist activists officer police spokesmen producer producers publicist agent rep friend juror jurors coach manager owner
	executive executives photographer author co-author writer pastor priest sheriff detective inspector sergeant constable
	trooper firefighter clerk superintendent commissioner protester protesters demonstrator demonstrators student students
	teacher doctor scientist biologist ecologist employee employees worker workers villager villagers woman women man men
	lawyers attorneys prosecutors investigators businessman businesswoman blogger mother father wife husband son daughter
	brother sister widow widower cousin uncle aunt grandmother grandfather parents`)
var orgNouns = wordSet(`ministry department mission embassy government kremlin administration office agency council committee
	commission party union alliance organisation organization company firm group bank court parliament senate congress cabinet
	presidency delegation army military navy police authority authorities service services institute foundation
	bureau directorate consulate secretariat team club federation association board carrier airline retailer manufacturer
	maker insurer`)

// Documents that speak for whoever wrote them ("the statement said", "her
// bio said", "a sign warned"): never resolved to a person.
var docNouns = wordSet(`statement statements report letter memo document paper study survey poll bio biography ruling resolution
	complaint lawsuit indictment affidavit filing notice release sign website policy advisory`)

// speakerNoun: a noun that can head the description of a speaker.
func speakerNoun(w string) bool {
	return personNouns[w] || orgNouns[w] || reporterNouns[w] || docNouns[w]
}

// Reporters of the outlet itself: never resolved to a person in the story.
var reporterNouns = wordSet("correspondent correspondents reporter reporters journalist journalists editor newspaper paper outlet")

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
