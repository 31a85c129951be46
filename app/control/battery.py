"""The battery-test result of cmd 10 (§8.3) with its enumerations turned into words."""

from __future__ import annotations

from dataclasses import dataclass

from app.protocol.control import BatteryTestResult


@dataclass(frozen=True)
class BatteryReport:
    start_time: str | None
    result: int | None  # 1 none, 2 normal, 3 slightly abnormal, 4 seriously abnormal
    result_text: str
    efficiency_percent: float | None
    discharge_hours: float | None
    end_voltage: float | None
    average_current: float | None
    discharged_ah: float | None
    temperature_c: float | None
    end_course: int | None
    end_course_text: str

    @property
    def has_result(self) -> bool:
        return self.result is not None and self.result != 1

    @classmethod
    def from_protocol(cls, r: BatteryTestResult) -> BatteryReport:
        def words(table: dict[int, str], v: int | None) -> str:
            if v is None:
                return "not reported"
            return table.get(v, f"unknown ({v})")

        return cls(
            start_time=r.test_start_time, result=r.test_result,
            result_text=words(BatteryTestResult.TEST_RESULTS, r.test_result),
            efficiency_percent=r.efficiency, discharge_hours=r.discharge_time,
            end_voltage=r.discharge_end_voltage, average_current=r.discharge_av_current,
            discharged_ah=r.discharge_ah_current, temperature_c=r.test_temperature,
            end_course=r.test_end_course,
            end_course_text=words(BatteryTestResult.END_COURSES, r.test_end_course),
        )

    def lines(self) -> list[str]:
        def num(v: float | None, unit: str) -> str:
            return "not reported" if v is None else f"{v:g} {unit}"

        return [
            f"Result: {self.result_text}",
            f"Started: {self.start_time or 'not reported'}",
            f"Efficiency: {num(self.efficiency_percent, '%')}",
            f"Discharge time: {num(self.discharge_hours, 'h')}",
            f"End voltage: {num(self.end_voltage, 'V')}",
            f"Average current: {num(self.average_current, 'A')}",
            f"Discharged: {num(self.discharged_ah, 'Ah')}",
            f"Temperature: {num(self.temperature_c, '°C')}",
            f"How it ended: {self.end_course_text}",
        ]
