"""Spreadsheet exports that open safely in Excel: a BOM for Japanese, formulas left inert."""

# A cell starting with these runs as a formula in Excel, LibreOffice and Google Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
UTF8_BOM = "\ufeff"


def defused(value):
    """The text as typed, with a leading apostrophe if a spreadsheet would run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class ExcelSafeExportMixin:
    """For Wagtail's SpreadsheetExportMixin: CSV starts with a BOM; cells never run as formulas."""

    def stream_csv(self, queryset):
        # Without the BOM Excel reads UTF-8 as the system's code page and Japanese is garbled.
        yield UTF8_BOM
        yield from super().stream_csv(queryset)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        # XLSX cells are already typed as text by Wagtail; CSV has no types.
        return defused(value) if export_format == self.FORMAT_CSV else value
