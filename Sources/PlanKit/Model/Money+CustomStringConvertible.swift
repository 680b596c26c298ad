extension Money: CustomStringConvertible {
    /// The amount as a plain decimal number of euros: `15000`, `1500.5`, `-3.25`.
    public var description: String {
        let negative = cents < 0
        let magnitude = cents.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        var text = negative ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            text += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return text
    }

    /// The amount as Belgian French writes it: `15.000 €`, `1.500,50 €`.
    public var formatted: String {
        let negative = cents < 0
        let magnitude = cents.magnitude
        let digits = Array(String(magnitude / 100))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(".") }
            grouped.append(digit)
        }
        let fraction = magnitude % 100
        let cents = fraction == 0 ? "" : (fraction < 10 ? ",0\(fraction)" : ",\(fraction)")
        return (negative ? "-" : "") + grouped + cents + " €"
    }
}
