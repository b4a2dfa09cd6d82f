package finder

import "testing"

func TestMayMatchFieldsAgreesWithMayMatch(t *testing.T) {
	items := []Item{
		{Title: "Genève talks", Source: "Le Temps", Author: "Zoë", Tags: []string{"Éco", "alpha"}},
		{Title: "nul\x00garden", Source: "src", Tags: []string{"gar\x00den"}},
		{Title: "", Tags: []string{"garden"}},
		{Title: "Straße", Source: "ＦＵＬＬ"},
		{},
	}
	seen := map[bool]int{}
	for _, qs := range []string{"geneve", "garden", "ss", "full", "zoe eco", "xyz", "tlk"} {
		q := Parse(qs)
		for _, it := range items {
			want := MayMatch(q, &it)
			got := MayMatchFields(q, []byte(it.Title), []byte(it.Source), []byte(it.Author), it.Tags)
			if got != want {
				t.Errorf("%q on %+v: MayMatchFields %v, MayMatch %v", qs, it, got, want)
			}
			seen[want]++
		}
	}
	if seen[true] == 0 || seen[false] == 0 {
		t.Fatalf("the cases never (or always) match: %v", seen)
	}
	if !MayMatchFields(Parse("  "), nil, nil, nil, nil) || !Parse("").Empty() {
		t.Error("an empty query must keep every item")
	}
}
