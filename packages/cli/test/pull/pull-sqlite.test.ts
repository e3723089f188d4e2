import { pullScenarios } from "./pull-scenarios";

pullScenarios("sqlite");
