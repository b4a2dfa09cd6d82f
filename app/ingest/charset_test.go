package ingest

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// The fixtures are written here in UTF-8 and encoded by the test, so that
// they stay readable in the repository.
const (
	textRU = "Переговоры в Женеве\n\nПредставители двух стран встретились в понедельник, чтобы обсудить вопросы безопасности в Европе. Переговоры продолжались почти восемь часов, но стороны не пришли к соглашению. Дипломаты сказали, что встречи будут продолжены на следующей неделе."
	textUK = "Переговори в Женеві\n\nПредставники двох країн зустрілися в понеділок, щоб обговорити питання безпеки в Європі. Переговори тривали майже вісім годин, але сторони не дійшли згоди."
	textDE = "Gespräche in Genf\n\nDie Vertreter beider Länder trafen sich am Montag, um über Fragen der Sicherheit in Europa zu sprechen. Die Gespräche dauerten fast acht Stunden, aber die Seiten kamen zu keiner Einigung. Die Diplomaten sagten, dass die Treffen in der nächsten Woche fortgesetzt würden."
	textFR = "Négociations à Genève\n\nLes représentants des deux pays se sont réunis lundi pour discuter des questions de sécurité en Europe. Les négociations ont duré près de huit heures, mais les deux parties ne sont pas parvenues à un accord. Les diplomates ont déclaré que les réunions se poursuivraient la semaine prochaine."
	textPL = "Rozmowy w Genewie\n\nPrzedstawiciele obu krajów spotkali się w poniedziałek, aby omówić kwestie bezpieczeństwa w Europie. Rozmowy trwały prawie osiem godzin, ale strony nie osiągnęły porozumienia. Dyplomaci powiedzieli, że spotkania będą kontynuowane w przyszłym tygodniu."
	textCS = "Jednání v Ženevě\n\nZástupci obou zemí se v pondělí setkali, aby projednali otázky bezpečnosti v Evropě. Jednání trvalo téměř osm hodin, ale strany nedospěly k dohodě. Diplomaté uvedli, že schůzky budou pokračovat příští týden."
	textEL = "Συνομιλίες στη Γενεύη\n\nΟι εκπρόσωποι των δύο χωρών συναντήθηκαν τη Δευτέρα για να συζητήσουν θέματα ασφάλειας στην Ευρώπη. Οι συνομιλίες διήρκεσαν σχεδόν οκτώ ώρες, αλλά οι δύο πλευρές δεν κατέληξαν σε συμφωνία."
	textTR = "Cenevre'deki görüşmeler\n\nİki ülkenin temsilcileri Avrupa'daki güvenlik sorunlarını görüşmek üzere pazartesi günü bir araya geldi. Görüşmeler yaklaşık sekiz saat sürdü, ancak taraflar bir anlaşmaya varamadı. Diplomatlar toplantıların gelecek hafta süreceğini söyledi."
	textJA = "ジュネーブでの協議\n\n両国の代表は月曜日に会談し、ヨーロッパの安全保障問題について話し合った。協議は約八時間続いたが、双方は合意に達しなかった。外交官によると、会談は来週も続けられるという。"
	textZH = "日内瓦会谈\n\n两国代表星期一举行会晤，讨论欧洲安全问题。会谈持续了将近八个小时，但双方没有达成协议。外交官说，会谈将在下周继续进行。"
	textTW = "日內瓦會談\n\n兩國代表星期一舉行會晤，討論歐洲安全問題。會談持續了將近八個小時，但雙方沒有達成協議。外交官說，會談將在下週繼續進行。"
	textKO = "제네바 회담\n\n양국 대표는 월요일에 만나 유럽의 안보 문제를 논의했다. 회담은 거의 여덟 시간 동안 계속되었지만 양측은 합의에 이르지 못했다. 외교관들은 회담이 다음 주에도 계속될 것이라고 말했다."
	textVI = "Đâu, ông ơi, cơm ăn đây."
)

func encodeWith(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("fixture cannot be encoded: %v", err)
	}
	return b
}

// TestDetectEncodings: each text, encoded without any declaration, is
// detected and decodes back exactly.
func TestDetectEncodings(t *testing.T) {
	tests := []struct {
		name string
		enc  encoding.Encoding
		text string
	}{
		{"windows-1251 Russian", charmap.Windows1251, textRU},
		{"KOI8-R Russian", charmap.KOI8R, textRU},
		{"ISO-8859-5 Russian", charmap.ISO8859_5, textRU},
		{"ISO-8859-1 German", charmap.ISO8859_1, textDE},
		{"Windows-1252 French", charmap.Windows1252, textFR},
		{"ISO-8859-15 French", charmap.ISO8859_15, textFR},
		{"ISO-8859-2 Polish", charmap.ISO8859_2, textPL},
		{"Windows-1250 Czech", charmap.Windows1250, textCS},
		{"ISO-8859-7 Greek", charmap.ISO8859_7, textEL},
		{"ISO-8859-9 Turkish", charmap.ISO8859_9, textTR},
		{"Shift_JIS Japanese", japanese.ShiftJIS, textJA},
		{"EUC-JP Japanese", japanese.EUCJP, textJA},
		{"GB18030 Chinese", simplifiedchinese.GB18030, textZH},
		{"Big5 Chinese", traditionalchinese.Big5, textTW},
		{"EUC-KR Korean", korean.EUCKR, textKO},
		{"UTF-16LE without BOM", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), textDE},
		{"UTF-16BE without BOM", unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), textFR},
		{"UTF-16LE with BOM", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), textRU},
		{"UTF-16BE with BOM", unicode.UTF16(unicode.BigEndian, unicode.UseBOM), textJA},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := encodeWith(t, tc.enc, tc.text)
			got, err := decodeText("x.txt", data, formatTxt)
			if err != nil {
				t.Fatalf("decodeText: %v", err)
			}
			if got != tc.text {
				t.Errorf("decoded to\n%q\nwant\n%q", got, tc.text)
			}
		})
	}
}

// TestDeclaredEncodings: encodings that statistics cannot tell apart are
// believed when the page or the server names them, or the user does.
func TestDeclaredEncodings(t *testing.T) {
	tests := []struct {
		name  string
		enc   encoding.Encoding
		text  string
		label string
		how   string // "meta", "header" or "flag"
	}{
		{"KOI8-U Ukrainian by meta", charmap.KOI8U, textUK, "koi8-u", "meta"},
		{"Windows-1258 Vietnamese by header", charmap.Windows1258, textVI, "windows-1258", "header"},
		{"Windows-1257 by flag", charmap.Windows1257, "Sarunas Lietuvoje: ąčęėįšųūž ĄČĘĖĮŠŲŪŽ.", "windows-1257", "flag"},
		{"ISO-8859-15 euro by meta", charmap.ISO8859_15, "Le prix est de 5 € par élève.", "iso-8859-15", "meta"},
		{"Shift_JIS short by header", japanese.ShiftJIS, "協議", "shift_jis", "header"},
		{"flag beats a lying meta", charmap.Windows1251, textRU, "windows-1251", "flag"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var opts Options
			name, body := "x.txt", encodeWith(t, tc.enc, tc.text)
			switch tc.how {
			case "meta":
				name = "x.html"
				body = append([]byte(`<html><head><meta charset="`+tc.label+`"><title>t</title></head><body><p>`), append(body, "</p></body></html>"...)...)
			case "header":
				opts.ContentType = "text/plain; charset=" + tc.label
			case "flag":
				opts.Encoding = tc.label
				name = "x.html"
				body = append([]byte(`<meta charset="koi8-r"><p>`), body...)
			}
			got, err := decodeTextOpts(name, body, formatOf(name), opts)
			if err != nil {
				t.Fatalf("decodeTextOpts: %v", err)
			}
			if !strings.Contains(got, tc.text) {
				t.Errorf("decoded to %q, want it to hold %q", got, tc.text)
			}
		})
	}
}

// TestUnclearEncodingRefused: short or mixed input is refused with the
// best guesses named, never imported as mojibake.
func TestUnclearEncodingRefused(t *testing.T) {
	tests := map[string][]byte{
		"one Cyrillic word in KOI8-R": encodeWith(t, charmap.KOI8R, "Мир"),
		"one Cyrillic word in 1251":   encodeWith(t, charmap.Windows1251, "Мир!"),
		"one Japanese word":           encodeWith(t, japanese.EUCJP, "協議"),
		"one Greek word":              encodeWith(t, charmap.ISO8859_7, "Ναι"),
		"Korean word in a sentence":   append([]byte("The word is "), encodeWith(t, korean.EUCKR, "회담")...),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := decodeText("x.txt", data, formatTxt)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("imported as %q, want a refusal", got)
			}
			if !strings.HasPrefix(e.Reason, reasonNotUTF8) || !strings.Contains(e.Reason, "--encoding") {
				t.Errorf("reason = %q, want 'not UTF-8 text … --encoding NAME'", e.Reason)
			}
		})
	}
}

func TestUnknownEncodingFlag(t *testing.T) {
	_, err := ParseWith("x.txt", []byte("hello"), Options{Encoding: "klingon-8"})
	if err == nil || !strings.Contains(err.Error(), `unknown encoding "klingon-8"`) {
		t.Errorf("err = %v, want unknown encoding", err)
	}
}

// TestUTF8WinsOverWrongHeader: a server that says ISO-8859-1 for a UTF-8
// page (common) does not turn it into mojibake.
func TestUTF8WinsOverWrongHeader(t *testing.T) {
	got, err := decodeTextOpts("x.html", []byte("<p>"+textDE+"</p>"), formatHTML, Options{ContentType: "text/html; charset=iso-8859-1"})
	if err != nil || !strings.Contains(got, textDE) {
		t.Errorf("got %q, %v", got, err)
	}
}

func FuzzDecodeText(f *testing.F) {
	f.Add(encodeWith(f, charmap.KOI8R, textRU))
	f.Add(encodeWith(f, japanese.ShiftJIS, textJA))
	f.Add([]byte("\xff\xfeT\x00i\x00"))
	f.Add([]byte("caf\xe9"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := decodeText("x.html", data, formatHTML)
		if err == nil && !strings.Contains(string(data), "\ufffd") && strings.ContainsRune(text, '\ufffd') && !strings.HasPrefix(string(data), "\xff\xfe") && !strings.HasPrefix(string(data), "\xfe\xff") {
			// A guessed decoding that needed replacement characters was a wrong guess.
			if _, _, ok := decodeGuessed(data, formatHTML, Options{}); ok {
				t.Errorf("guessed decoding holds U+FFFD: %q", text)
			}
		}
	})
}

func BenchmarkDetectEncoding(b *testing.B) {
	data := encodeWith(b, charmap.Windows1251, strings.Repeat(textRU+"\n\n", 50))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := decodeText("x.txt", data, formatTxt); err != nil {
			b.Fatal(err)
		}
	}
}
