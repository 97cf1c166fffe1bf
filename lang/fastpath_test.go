package lang

import "testing"

func TestPlainEnglish(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"english news", "The two delegations met on Tuesday in the capital, and officials said that the talks would continue for at least two more days. The minister, who has led the team since March, told reporters he was hopeful but that it was too early to speak of a deal.", true},
		{"french", "Les deux délégations se sont rencontrées mardi dans la capitale, et les responsables ont déclaré que les discussions se poursuivraient pendant au moins deux jours. Le ministre a dit aux journalistes qu'il était optimiste.", false},
		{"german", "Die beiden Delegationen trafen sich am Dienstag in der Hauptstadt, und Beamte sagten, dass die Gespräche noch mindestens zwei Tage dauern würden. Der Minister sagte den Reportern, er sei zuversichtlich.", false},
		{"spanish with english quote", "Las dos delegaciones se reunieron el martes en la capital y los funcionarios dijeron que las conversaciones continuarían al menos dos días más. \"It was the best of the meetings\", dijo el ministro a los periodistas.", false},
		{"too short", "The talks are over.", false},
		{"cyrillic", "Делегации встретились во вторник в столице, и официальные лица заявили, что переговоры продолжатся.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := plainEnglish(tt.text); got != tt.want {
				t.Errorf("plainEnglish = %v, want %v", got, tt.want)
			}
			if tt.want && Detect(tt.text) != "en" {
				t.Errorf("Detect = %q, want en", Detect(tt.text))
			}
		})
	}
}
