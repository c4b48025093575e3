# English dates as the site has always written them ("1 December 2026"), for readers everywhere, not
# Django's American "Dec. 1, 2026". The other languages keep Django's formats for their locale (French
# "1 décembre 2026", Spanish "1 de diciembre de 2026", Arabic "1 ديسمبر، 2026"): templates name the
# format (date:"DATE_FORMAT"), never spell one out.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
