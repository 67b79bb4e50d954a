package main

type Counter struct{ n int }

func (c *Counter) Inc()     { c.n++ }
func (c Counter) Value() int { return c.n }

type Celsius float64

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

func main() {
	var c Counter
	c.Inc()
	p := &c
	p.Inc()
	println(c.Value(), p.Value())
	println(Celsius(100).Fahrenheit())
}
