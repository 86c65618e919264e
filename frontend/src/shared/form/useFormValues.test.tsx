import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useFormValues } from "./useFormValues";

describe("useFormValues", () => {
  it("changes one field at a time and tells of each edit", () => {
    const onEdit = vi.fn();
    const { result } = renderHook(() => useFormValues({ name: "", count: 1 }, onEdit));
    act(() => result.current.change("name", "Treff"));
    expect(result.current.values).toEqual({ name: "Treff", count: 1 });
    act(() => result.current.change("count", 2));
    expect(result.current.values).toEqual({ name: "Treff", count: 2 });
    expect(onEdit).toHaveBeenCalledTimes(2);
  });

  it("takes lazy initial values and replaces them whole", () => {
    const { result } = renderHook(() => useFormValues(() => ({ name: "A" })));
    act(() => result.current.setValues({ name: "B" }));
    expect(result.current.values).toEqual({ name: "B" });
  });
});
