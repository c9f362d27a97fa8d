"""The app's small style sheet: headings, errors, warnings, and the sealed-identity box."""

STYLE = """
QLabel#heading { font-size: 16pt; font-weight: bold; margin-bottom: 8px; }
QLabel#error { color: #b00020; }
QLabel#missing { color: #8a4b00; }
QLabel#recoveryCode { font-size: 14pt; padding: 8px; border: 1px solid #888;
                      background: #fffde7; }
QGroupBox#sealed { border: 2px dashed #8a6d00; border-radius: 4px; margin-top: 14px;
                   padding-top: 10px; background: #fff8e1; }
QGroupBox#sealed::title { subcontrol-origin: margin; left: 8px; color: #8a6d00; }
"""
