/**
 * The department and year switchers of the overview and the documents page. The choice lives in the
 * address (`?dept=1&year=2023`), so a reload or a shared link shows the same thing.
 */
import { Select, Space } from 'antd';
import { api, type Department } from '../api.ts';
import { useAsync, type Async } from '../use-async.ts';

export interface DepartmentYear {
  departments: Async<Department[]>;
  years: Async<number[]>;
  dept: number | undefined;
  year: number | undefined;
}

export function useDepartmentYear(route: { dept?: number; year?: number }): DepartmentYear {
  const departments = useAsync(() => api.departments(), []);
  const dept = route.dept ?? departments.data?.[0]?.id;
  const years = useAsync(() => (dept === undefined ? Promise.resolve([]) : api.years(dept)), [dept]);
  const year = route.year ?? years.data?.[0];
  return { departments, years, dept, year };
}

export function DepartmentYearPicker({ value, onChange }: { value: DepartmentYear; onChange: (dept: number, year: number | undefined) => void }) {
  const { departments, years, dept, year } = value;
  return (
    <Space wrap>
      <Select
        aria-label="部门"
        style={{ width: 300 }}
        loading={departments.loading}
        value={dept}
        placeholder="选择部门"
        showSearch={{ optionFilterProp: 'label' }}
        options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        onChange={(d: number) => onChange(d, undefined)}
        data-testid="department-select"
      />
      <Select
        aria-label="年度"
        style={{ width: 120 }}
        loading={years.loading}
        value={year}
        placeholder="年度"
        options={(years.data ?? []).map((y) => ({ value: y, label: `${y} 年度` }))}
        onChange={(y: number) => dept !== undefined && onChange(dept, y)}
        data-testid="year-select"
      />
    </Space>
  );
}
