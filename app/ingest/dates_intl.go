package ingest

import (
	"strconv"
	"strings"
	"time"
)

// Month and weekday names of the languages researchers most often paste
// from (German, French, Spanish, Portuguese, Italian, Dutch, Russian,
// Polish, Czech, Swedish), merged into the English tables. Russian, Polish
// and Czech dates use the genitive ("18 января"), so that form is listed.
func init() {
	months := map[time.Month]string{
		1:  "januar jänner janvier enero janeiro gennaio januari январь января янв stycznia styczeń ledna leden",
		2:  "februar feber février fevrier febrero fevereiro febbraio februari февраль февраля фев лютого lutego luty února únor",
		3:  "märz maerz mars marzo março marco maart март марта мар marca marzec března březen",
		4:  "april avril abril aprile апрель апреля апр kwietnia kwiecień dubna duben",
		5:  "mai mayo maio maggio mei maj май мая maja května květen",
		6:  "juni juin junio junho giugno июнь июня июн czerwca czerwiec června červen",
		7:  "juli juillet julio julho luglio июль июля июл lipca lipiec července červenec",
		8:  "august août aout agosto augustus augusti август августа авг sierpnia sierpień srpna srpen",
		9:  "september septembre septiembre setembro settembre сентябрь сентября сен сент września wrzesień září",
		10: "oktober octobre octubre outubro ottobre oktober октябрь октября окт października październik října říjen",
		11: "november novembre noviembre novembro ноябрь ноября ноя listopada listopad listopadu",
		12: "dezember décembre decembre diciembre dezembro dicembre december декабрь декабря дек grudnia grudzień prosince prosinec",
	}
	for m, names := range months {
		for _, n := range strings.Fields(names) {
			if _, taken := monthNames[n]; !taken {
				monthNames[n] = m
			}
		}
	}
	for _, n := range strings.Fields("montag dienstag mittwoch donnerstag freitag samstag sonntag " +
		"lundi mardi mercredi jeudi vendredi samedi dimanche " +
		"lunes martes miércoles miercoles jueves viernes sábado sabado domingo " +
		"segunda-feira terça-feira quarta-feira quinta-feira sexta-feira " +
		"lunedì martedì mercoledì giovedì venerdì " +
		"maandag dinsdag woensdag donderdag vrijdag zaterdag zondag " +
		"понедельник вторник среда четверг пятница суббота воскресенье пн вт ср чт пт сб вс " +
		"poniedziałek wtorek środa czwartek piątek sobota niedziela " +
		"pondělí úterý středa čtvrtek pátek neděle") {
		weekdayNames[n] = true
	}
}

// fillers are the words some languages put inside a date: "18 de enero de
// 2022", "le 18 janvier", "18 января 2022 г.", "18 stycznia 2022 r.".
var fillers = map[string]bool{
	"de": true, "del": true, "le": true, "den": true, "der": true, "il": true,
	"г": true, "года": true, "год": true, "r": true, "roku": true,
}

// intlTimeTokens end a date line in other languages: "um 10:30 Uhr",
// "à 10h30", "a las 10:30".
var intlTimeTokens = map[string]bool{
	"uhr": true, "um": true, "à": true, "a": true, "las": true, "в": true, "o": true, "h": true,
}

// parseDottedDate reads the European numeric form "18.01.2022" (also
// "18.1.2022"): day first, which is the only way it is written. Slashed
// numeric dates stay refused: "01/02/2022" is ambiguous between
// continents.
func parseDottedDate(s string) (string, bool) {
	s = strings.TrimSuffix(s, ".")
	parts := strings.Split(s, ".")
	if len(parts) != 3 || len(parts[2]) != 4 || len(parts[0]) > 2 || len(parts[1]) > 2 {
		return "", false
	}
	d, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	y, err3 := strconv.Atoi(parts[2])
	if err1 != nil || err2 != nil || err3 != nil {
		return "", false
	}
	return makeDate(y, m, d)
}

// parseCJKDate reads "2022年1月18日" (Chinese, Japanese) and
// "2022년 1월 18일" (Korean), with an optional weekday after it.
func parseCJKDate(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), "")
	var nums [3]int
	i := 0
	for _, unit := range [][]string{{"年", "년"}, {"月", "월"}, {"日", "일"}} {
		j := -1
		var u string
		for _, cand := range unit {
			if k := strings.Index(s, cand); k >= 0 && (j < 0 || k < j) {
				j, u = k, cand
			}
		}
		if j <= 0 {
			return "", false
		}
		n, err := strconv.Atoi(s[:j])
		if err != nil || (i == 0 && j != 4) || (i > 0 && j > 2) {
			return "", false
		}
		nums[i] = n
		i++
		s = s[j+len(u):]
	}
	// What may follow: a weekday in brackets or words ("（火）", "星期二", "화요일").
	if len([]rune(s)) > 5 {
		return "", false
	}
	return makeDate(nums[0], nums[1], nums[2])
}

// makeDate checks that the day exists (no 31 February) and formats it.
func makeDate(y, m, d int) (string, bool) {
	if y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}

// ParseDate recognises a date as a date line would (any of the languages
// above, ISO forms) and returns it as YYYY-MM-DD, for other importers'
// metadata (an EPUB's dc:date).
func ParseDate(s string) (string, bool) { return parseDate(s) }
