import { pullBlogScenario, pullScenarios } from "./pull-scenarios";

pullScenarios("sqlite");
pullBlogScenario("sqlite");
