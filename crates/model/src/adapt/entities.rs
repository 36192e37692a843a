//! Character references (`&amp;`, `&#8217;`, `&rsquo;`) in text from a foreign format, decoded
//! once, as a browser decodes them in HTML text: `&amp;amp;` is the text `&amp;`.

use std::borrow::Cow;

/// HTML 4's named references (Latin-1, typographic punctuation, Greek, maths, arrows) and
/// `apos`: the ones publishers write. HTML5 has 2,125 names; the rest (`&NotLessLess;`) would
/// cost about 270 more lines and 24 KB of wasm for names nobody types. `name=char`, a space
/// apart.
const NAMED: &str = "\
    quot=\" amp=& apos=' lt=< gt=> nbsp=\u{a0} iexcl=¡ cent=¢ pound=£ curren=¤ yen=¥ brvbar=¦ \
    sect=§ uml=¨ copy=© ordf=ª laquo=« not=¬ shy=\u{ad} reg=® macr=¯ deg=° plusmn=± sup2=² \
    sup3=³ acute=´ micro=µ para=¶ middot=· cedil=¸ sup1=¹ ordm=º raquo=» frac14=¼ frac12=½ \
    frac34=¾ iquest=¿ Agrave=À Aacute=Á Acirc=Â Atilde=Ã Auml=Ä Aring=Å AElig=Æ Ccedil=Ç \
    Egrave=È Eacute=É Ecirc=Ê Euml=Ë Igrave=Ì Iacute=Í Icirc=Î Iuml=Ï ETH=Ð Ntilde=Ñ Ograve=Ò \
    Oacute=Ó Ocirc=Ô Otilde=Õ Ouml=Ö times=× Oslash=Ø Ugrave=Ù Uacute=Ú Ucirc=Û Uuml=Ü Yacute=Ý \
    THORN=Þ szlig=ß agrave=à aacute=á acirc=â atilde=ã auml=ä aring=å aelig=æ ccedil=ç egrave=è \
    eacute=é ecirc=ê euml=ë igrave=ì iacute=í icirc=î iuml=ï eth=ð ntilde=ñ ograve=ò oacute=ó \
    ocirc=ô otilde=õ ouml=ö divide=÷ oslash=ø ugrave=ù uacute=ú ucirc=û uuml=ü yacute=ý thorn=þ \
    yuml=ÿ OElig=Œ oelig=œ Scaron=Š scaron=š Yuml=Ÿ fnof=ƒ circ=ˆ tilde=˜ Alpha=Α Beta=Β Gamma=Γ \
    Delta=Δ Epsilon=Ε Zeta=Ζ Eta=Η Theta=Θ Iota=Ι Kappa=Κ Lambda=Λ Mu=Μ Nu=Ν Xi=Ξ Omicron=Ο Pi=Π \
    Rho=Ρ Sigma=Σ Tau=Τ Upsilon=Υ Phi=Φ Chi=Χ Psi=Ψ Omega=Ω alpha=α beta=β gamma=γ delta=δ \
    epsilon=ε zeta=ζ eta=η theta=θ iota=ι kappa=κ lambda=λ mu=μ nu=ν xi=ξ omicron=ο pi=π rho=ρ \
    sigmaf=ς sigma=σ tau=τ upsilon=υ phi=φ chi=χ psi=ψ omega=ω thetasym=ϑ upsih=ϒ piv=ϖ \
    ensp=\u{2002} emsp=\u{2003} thinsp=\u{2009} zwnj=\u{200c} zwj=\u{200d} lrm=\u{200e} \
    rlm=\u{200f} ndash=– mdash=— lsquo=‘ rsquo=’ sbquo=‚ ldquo=“ rdquo=” bdquo=„ dagger=† \
    Dagger=‡ bull=• hellip=… permil=‰ prime=′ Prime=″ lsaquo=‹ rsaquo=› oline=‾ frasl=⁄ euro=€ \
    image=ℑ weierp=℘ real=ℜ trade=™ alefsym=ℵ larr=← uarr=↑ rarr=→ darr=↓ harr=↔ crarr=↵ lArr=⇐ \
    uArr=⇑ rArr=⇒ dArr=⇓ hArr=⇔ forall=∀ part=∂ exist=∃ empty=∅ nabla=∇ isin=∈ notin=∉ ni=∋ \
    prod=∏ sum=∑ minus=− lowast=∗ radic=√ prop=∝ infin=∞ ang=∠ and=∧ or=∨ cap=∩ cup=∪ int=∫ \
    there4=∴ sim=∼ cong=≅ asymp=≈ ne=≠ equiv=≡ le=≤ ge=≥ sub=⊂ sup=⊃ nsub=⊄ sube=⊆ supe=⊇ \
    oplus=⊕ otimes=⊗ perp=⊥ sdot=⋅ lceil=⌈ rceil=⌉ lfloor=⌊ rfloor=⌋ lang=⟨ rang=⟩ loz=◊ \
    spades=♠ clubs=♣ hearts=♥ diams=♦";

/// What `&#128;` to `&#159;` stand for: browsers read them as windows-1252, since that is what
/// their writers meant (`&#146;` is an apostrophe). The five unassigned ones are kept.
const C1: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";

/// `text` with its character references decoded: named ones (with their `;`), decimal and
/// hexadecimal ones (the `;` may be missing, as browsers allow). Anything else that starts
/// with `&` (a bare `&`, `AT&T`, an unknown name) is left as it is.
pub fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after) {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference stands for and its length, from just after its `&`.
fn reference(text: &str) -> Option<(char, usize)> {
    if let Some(number) = text.strip_prefix('#') {
        return numeric(number).map(|(c, len)| (c, len + 1));
    }
    let len = text.find(|c: char| !c.is_ascii_alphanumeric())?;
    if !text[len..].starts_with(';') {
        return None;
    }
    named(&text[..len]).map(|c| (c, len + 1))
}

pub(super) fn named(name: &str) -> Option<char> {
    NAMED
        .split(' ')
        .find_map(|entry| entry.strip_prefix(name)?.strip_prefix('='))
        .and_then(|value| value.chars().next())
}

/// `8217;` or `x2019;`, read as browsers do: a code point that cannot be a character (0, a
/// surrogate, past U+10FFFF) is U+FFFD.
fn numeric(text: &str) -> Option<(char, usize)> {
    let (radix, start) = match text.as_bytes().first() {
        Some(b'x' | b'X') => (16, 1),
        _ => (10, 0),
    };
    let digits = &text[start..];
    let len = digits
        .find(|c: char| !c.is_digit(radix))
        .unwrap_or(digits.len());
    if len == 0 {
        return None;
    }
    // Too many digits for a u32 is past U+10FFFF too.
    let value = u32::from_str_radix(&digits[..len], radix).unwrap_or(u32::MAX);
    let semicolon = usize::from(digits[len..].starts_with(';'));
    Some((code_point(value), start + len + semicolon))
}

fn code_point(value: u32) -> char {
    match value {
        0x80..=0x9f => C1.chars().nth((value - 0x80) as usize),
        0 => None,
        _ => char::from_u32(value),
    }
    .unwrap_or(char::REPLACEMENT_CHARACTER)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn references_are_decoded_once() {
        let cases = [
            ("Tom &amp; Jerry", "Tom & Jerry"),
            ("&amp;amp;", "&amp;"),
            ("&#8216;quoted&#x2019;", "\u{2018}quoted\u{2019}"),
            ("&#X2019;", "\u{2019}"),
            ("K&auml;se", "Käse"),
            ("it&rsquo;s", "it\u{2019}s"),
            ("a&nbsp;b", "a\u{a0}b"),
            ("&alpha;&le;&Omega;&hellip;&euro;&apos;&quot;", "α≤Ω…€'\""),
            ("&lang;x&rang;", "⟨x⟩"),
            ("&#146;", "\u{2019}"),
            ("&#129;", "\u{81}"),
            ("&#0;", "\u{fffd}"),
            ("&#xD800;", "\u{fffd}"),
            ("&#x110000;", "\u{fffd}"),
            ("&#99999999999999999999;", "\u{fffd}"),
            ("&#8217 no semicolon", "\u{2019} no semicolon"),
            ("AT&T & Q&A &", "AT&T & Q&A &"),
            ("&nosuch; &amp &# &#x; &;", "&nosuch; &amp &# &#x; &;"),
            ("no references", "no references"),
        ];
        for (text, decoded) in cases {
            assert_eq!(decode(text), decoded, "{text}");
        }
    }
}
