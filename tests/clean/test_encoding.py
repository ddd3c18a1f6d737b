import pytest

from newsgraph.clean.encoding import DecodeError, decode, repair


def test_mojibake_repaired_quotes_kept():
    broken = "Pakistan’s army said the “talks — failed".encode("utf-8").decode("cp1252")
    assert broken.startswith("Pakistanâ€™s")
    assert repair(broken) == "Pakistan’s army said the “talks — failed"


def test_legacy_encodings_decoded():
    assert decode("Le président à Kaboul".encode("latin-1")) == "Le président à Kaboul"
    assert decode("\ufeffByte order mark".encode("utf-8")) == "Byte order mark"
    assert decode("UTF-16 text".encode("utf-16")) == "UTF-16 text"


def test_undecodable_bytes_raise_a_specific_error():
    with pytest.raises(DecodeError, match="bad byte at offset 0"):
        decode(bytes(range(128, 256)) * 3)


def test_whitespace_normalised_characters_kept():
    assert repair("Kabul\u00a0 said\t\tno.\r\nNext\u200b line  ") == "Kabul said no.\nNext line"
    assert repair("in Quetta (Balochistan Province).The Taliban") == "in Quetta (Balochistan Province). The Taliban"
    assert repair("the U.S. exit") == "the U.S. exit"
