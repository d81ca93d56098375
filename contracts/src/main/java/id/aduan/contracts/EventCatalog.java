package id.aduan.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every event Aduan knows, derived from the records {@link AduanEvent} permits. */
public final class EventCatalog {

    private static final List<EventDescriptor<?>> ALL = records(AduanEvent.class)
            .map(EventCatalog::describe)
            .collect(Collectors.toUnmodifiableList());

    private static final Map<String, EventDescriptor<?>> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventDescriptor::type, Function.identity()));

    private static final Map<Class<?>, EventDescriptor<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventDescriptor::javaType, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventDescriptor<?>> all() {
        return ALL;
    }

    public static Optional<EventDescriptor<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    @SuppressWarnings("unchecked")
    public static <T extends AduanEvent> EventDescriptor<T> of(Class<T> javaType) {
        EventDescriptor<?> descriptor = BY_CLASS.get(javaType);
        if (descriptor == null) {
            throw new IllegalArgumentException(javaType + " is not an Aduan event");
        }
        return (EventDescriptor<T>) descriptor;
    }

    @SuppressWarnings("unchecked")
    public static <T extends AduanEvent> EventDescriptor<T> of(T event) {
        return of((Class<T>) event.getClass());
    }

    /** The records a sealed interface permits, directly or through the sealed interfaces it permits. */
    private static Stream<Class<?>> records(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .flatMap(permitted -> permitted.isInterface() ? records(permitted) : Stream.of(permitted));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EventDescriptor<?> describe(Class<?> javaType) {
        CloudEventType annotation = javaType.getAnnotation(CloudEventType.class);
        if (annotation == null) {
            throw new IllegalStateException(javaType + " lacks @CloudEventType");
        }
        return new EventDescriptor(annotation.value(), annotation.topic(), javaType,
                "schemas/" + annotation.value() + ".json");
    }
}
