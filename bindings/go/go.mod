module github.com/mitch-protocol/libmitch/bindings/go

go 1.19
