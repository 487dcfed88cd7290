"""Danish formats as the municipality writes them: 1.234,5 and 10. sep. 2013."""

DATE_FORMAT = "j. M Y"
SHORT_DATE_FORMAT = "j. M Y"
DATETIME_FORMAT = "j. M Y H:i"
SHORT_DATETIME_FORMAT = "j. M Y H:i"
MONTH_DAY_FORMAT = "j. F"
YEAR_MONTH_FORMAT = "F Y"
DATE_INPUT_FORMATS = ["%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
FIRST_DAY_OF_WEEK = 1
