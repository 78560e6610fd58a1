package io.siyu.journeys;

/** The ready-made lifecycle journeys, for modules that set a brand up (the demo). */
public interface JourneyScenes {

    /**
     * Makes and publishes a journey of every lifecycle scene that has none yet (with the message templates it sends);
     * a scene whose segment does not exist is left out. Answers how many it published.
     */
    int publishAll(String by);
}
