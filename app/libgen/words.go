package libgen

import (
	"math/rand/v2"
	"strings"
	"sync"
)

// Marker is a made-up word planted in a known share of article bodies, so a
// search benchmark can query a term whose hit count it knows in advance.
type Marker struct {
	Word  string
	Every int // the word is in the body of article i exactly when i%Every == 0
}

// Markers are the planted rare words. No other generated text contains them.
var Markers = []Marker{
	{Word: "zorblaxite", Every: 1000},
	{Word: "quixotrope", Every: 100},
	{Word: "vellumine", Every: 10},
}

// common are real English words, most frequent first: the head of the
// Zipf distribution, so bodies read like prose and common terms are common.
var common = strings.Fields(`
the of and to in a is that for it as was with be by on not he this are or his
from at which but have an they you were their one all we can her has there been
if more when will would who so no other its into time only some could new them
than may then these first any like now over such our what years also most two
made after many where those people before between through well should back
under world might much state even work because each life however part power
found great long since same still case both against while later order several
point given example system number whole during large public under history form
early important general possible place small often without within country light
theory change social problem study evidence argument reason nature question
language science human result river house water city market account value
model field process report memory science method culture archive letter century
war music sound image ocean forest mountain island garden machine network signal
energy climate species harvest winter summer spring autumn morning evening night
journey border empire village harbour library museum school labour trade money
price growth crisis policy reform law court justice freedom truth knowledge
silence shadow fire stone glass paper ink print press reader writer author story
novel poem essay review critic theatre film camera colour surface pattern
structure measure scale data code software computer algorithm protocol engine
design craft practice habit custom ritual belief faith doubt wonder fear hope
common rare ancient modern future past present careful quiet strange simple
complex deep broad narrow bright dark green blue golden silver northern southern
eastern western hidden open lost found second last final single double early late
`)

// accented words appear now and then in titles and bodies so that code point
// and byte offsets differ, as they do in real libraries.
var accented = []string{
	"café", "société", "naïve", "über", "Zürich", "résumé", "façade", "déjà",
	"Ünïcode", "São", "Kraków", "fiancée", "coöperate", "Øresund", "señor",
	"“quoted”", "—", "東京", "北京", "日本語", "Ελλάδα", "Москва",
}

var syllables = strings.Fields(`ba be bi bo bu ca ce ci co cu da de di do du fa fe fi
fo fu ga ge gi go gu la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra
re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu tha the thi
tho str pre con dis ent ant ism ous ive ing ment tion`)

// rareWords is how many made-up words extend the vocabulary into a long tail.
const rareWords = 6000

var (
	vocabOnce sync.Once
	vocab     []string
)

// vocabulary returns the common words followed by a fixed tail of made-up
// words; its order is the Zipf rank, so rank 0 is the most frequent word.
func vocabulary() []string {
	vocabOnce.Do(func() {
		seen := map[string]bool{}
		for _, m := range Markers {
			seen[m.Word] = true
		}
		for _, w := range common {
			if !seen[w] {
				seen[w] = true
				vocab = append(vocab, w)
			}
		}
		r := rand.New(rand.NewPCG(0x5C401A, 1))
		for len(vocab) < len(common)+rareWords {
			var b strings.Builder
			for n := 2 + r.IntN(3); n > 0; n-- {
				b.WriteString(syllables[r.IntN(len(syllables))])
			}
			w := b.String()
			if !seen[w] && !containsMarker(w) {
				seen[w] = true
				vocab = append(vocab, w)
			}
		}
	})
	return vocab
}

func containsMarker(w string) bool {
	for _, m := range Markers {
		if strings.Contains(w, m.Word) {
			return true
		}
	}
	return false
}

var firstNames = strings.Fields(`Ada Alan Amara Ben Carla Chen Dario Elena Farid
Grace Hana Ines Jonas Kofi Lena Mateo Nadia Omar Priya Quentin Rosa Sven Tomás
Ulla Viktor Wen Yara Zoë José Søren Zofia Émile`)

var lastNames = strings.Fields(`Abbott Bauer Castillo Dubois Eriksen Fischer
García Haddad Ito Jensen Kowalski Lindqvist Moreau Nakamura Okafor Petrov
Quinn Rossi Schmidt Tanaka Umarov Varga Weber Xu Yilmaz Zhang Müller Sørensen
Łukasiewicz O’Brien`)

var sourceHeads = strings.Fields(`Atlantic Northern Pacific Metropolitan Coastal Continental`)

var sourceTails = []string{
	"Review", "Quarterly", "Journal", "Times", "Gazette", "Monthly",
	"Observer", "Letters", "Dispatch", "Notebook",
}

// sources is the pool of 60 publication names.
var sources = func() []string {
	var out []string
	for _, h := range sourceHeads {
		for _, t := range sourceTails {
			out = append(out, "The "+h+" "+t)
		}
	}
	return out
}()

var tagWords = strings.Fields(`history science politics economics philosophy
climate technology ai design music art literature health biology physics
mathematics education law media culture travel food energy cities language
psychology sociology religion film books ethics security privacy data research
reading to-read favourite archive teaching`)

// tagPool returns n tag names: the base list, then numbered variants.
func tagPool(n int) []string {
	out := make([]string, 0, n)
	for i := 0; len(out) < n; i++ {
		w := tagWords[i%len(tagWords)]
		if k := i / len(tagWords); k > 0 {
			w += "-" + itoa(k+1)
		}
		out = append(out, w)
	}
	return out
}
