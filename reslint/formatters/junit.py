"""``junit``: JUnit XML, one test case per file and one failure per violation."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from reslint.formatters.base import FileReport, Formatter, Summary

# characters XML 1.0 cannot carry, even escaped (form feeds of PDF extracts, for one)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


class JunitFormatter(Formatter):
    """One ``testsuite`` named reslint; a file without violations is a passing test case."""

    structured = True

    def start(self) -> None:
        self._suite = ET.Element("testsuite", name="reslint")
        self._failed = 0

    def file(self, report: FileReport) -> None:
        case = ET.SubElement(self._suite, "testcase", name=_xml(report.path), classname="reslint")
        if report.violations:
            self._failed += 1
        for violation in report.violations:
            where = report.position(violation.span.start)
            failure = ET.SubElement(
                case,
                "failure",
                message=_xml(f"{violation.code} {violation.message}"),
                type=violation.code,
            )
            failure.text = _xml(
                f"{report.path}:{where.line}:{where.column}: {violation.code} {violation.message}"
            )

    def finish(self, summary: Summary) -> None:
        tests = str(len(self._suite))
        counts = {"tests": tests, "failures": str(self._failed), "errors": str(summary.errors)}
        self._suite.attrib.update(counts)
        root = ET.Element("testsuites", name="reslint", **counts)
        root.append(self._suite)
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")
