package fx;

import java.util.List;

/** Cases. */
public class Cases {
    private final List<? extends Number> numbers = null;

    public Cases(int x) {
        if (x > 0 && x < 10) {
            System.out.println(x);
        }
    }

    /** Branches. */
    @Override
    public int branches(int x) {
        if (x > 0) {
            return 1;
        } else if (x < 0) {
            return -1;
        }
        return x == 0 ? 0 : 2;
    }

    int loops(List<? super Integer> items) {
        for (Object item : items) {
            while (item != null) {
                item = null;
            }
        }
        do {
            items.clear();
        } while (!items.isEmpty());
        return 0;
    }

    String cases(int kind) {
        switch (kind) {
            case 1:
                return "one";
            case 2:
            case 3:
                return "two";
            default:
                return "many";
        }
    }

    Runnable lambda(boolean flag) {
        try {
            return () -> System.out.println(flag || !flag);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
