package cluster

import storyline "github.com/storyline-news/storyline"

func makeStories(evs []*builtEvent, cfg *Config) []storyline.Story { return nil }
