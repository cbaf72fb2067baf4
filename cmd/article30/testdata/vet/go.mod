module example.com/hrsvc

go 1.26
