package cluster

import storyline "github.com/storyline-news/storyline"

func eventFacts(e *builtEvent) []storyline.Fact { return nil }
