module github.com/shinchoku/shinchoku

go 1.26.8
