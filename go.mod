module github.com/article30/article30

go 1.26.0

require github.com/google/go-cmp v0.7.0 // indirect
