# Parser support: dates, URL resolution, HTML entities, JSON Feed, fuzzing.
